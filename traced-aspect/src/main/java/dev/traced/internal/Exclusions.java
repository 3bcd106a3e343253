package dev.traced.internal;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The methods {@code traced.exclude} (or {@code TRACED_EXCLUDE}) switches off without a rebuild:
 * a comma-separated list of {@code com.acme.Orders} (every method of that class) and
 * {@code com.acme.Orders#place} (every overload of {@code place}). Read once at start-up; consulted
 * once per method, when its tracer is made, so an excluded method pays only for the switched-off
 * path; an excluded {@code @CurrentSpan} method records nothing. A nested class is named as the JVM
 * names it, {@code com.acme.Orders$Line}.
 */
final class Exclusions {

  static final String PROPERTY = "traced.exclude";
  static final String VARIABLE = "TRACED_EXCLUDE";

  private static final String IDENTIFIER = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
  private static final Pattern CLASS_NAME = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*");
  private static final Pattern METHOD_NAME = Pattern.compile(IDENTIFIER);

  /** The exclusions this JVM was started with (after the patterns, which it needs). */
  static final Exclusions CONFIGURED = parse(Setting.read(PROPERTY, VARIABLE));

  private final Set<String> classes;
  private final Set<String> methods;

  private Exclusions(Set<String> classes, Set<String> methods) {
    this.classes = classes;
    this.methods = methods;
  }

  /** Each malformed entry is reported in one line, then ignored. */
  static Exclusions parse(Setting setting) {
    Set<String> classes = new HashSet<>();
    Set<String> methods = new HashSet<>();
    for (String entry : setting.entries()) {
      int hash = entry.indexOf('#');
      String type = hash < 0 ? entry : entry.substring(0, hash);
      String method = hash < 0 ? null : entry.substring(hash + 1);
      if (!CLASS_NAME.matcher(type).matches() || (method != null && !METHOD_NAME.matcher(method).matches())) {
        System.err.println(
            "traced: " + setting.name() + ": ignored \"" + entry
                + "\", not a class (com.acme.Orders) or a method (com.acme.Orders#place)");
      } else if (method == null) {
        classes.add(type);
      } else {
        methods.add(type + "#" + method);
      }
    }
    return new Exclusions(classes, methods);
  }

  /** Whether the method {@code method} declared in the class named {@code type} runs untraced. */
  boolean excludes(String type, String method) {
    return classes.contains(type) || methods.contains(type + "#" + method);
  }

  /** Whether {@code method} runs untraced. */
  boolean excludes(Method method) {
    return excludes(method.getDeclaringClass().getName(), method.getName());
  }
}
