package dev.traced.ctw;

/** The compile-time form of a {@code TracedMethods} concrete aspect: methods traced by pointcut. */
public aspect ListedMethods extends dev.traced.aspect.TracedMethods {
  public pointcut methods(): execution(* dev.traced.ctw.Requests.Listed.*(..));
}
