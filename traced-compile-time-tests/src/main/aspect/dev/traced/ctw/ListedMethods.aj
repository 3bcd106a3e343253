package dev.traced.ctw;

/**
 * The compile-time form of a {@code TracedMethods} concrete aspect: methods traced by pointcut. It
 * names the type, so that the test also shows its constructor left untraced.
 */
public aspect ListedMethods extends dev.traced.aspect.TracedMethods {
  public pointcut methods(): within(dev.traced.ctw.Requests.Listed);
}
