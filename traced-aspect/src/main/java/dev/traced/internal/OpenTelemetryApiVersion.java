package dev.traced.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.net.URL;
import java.security.CodeSource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the {@code opentelemetry-api} on the class path is one traced can use, checked once.
 *
 * <p>An older API lacks methods traced calls, and every traced method would fail with a
 * {@code NoSuchMethodError} of its own. Instead, one line names the version found and the version
 * needed, and traced methods run untraced.
 */
final class OpenTelemetryApiVersion {

  /** The oldest API with every method traced calls ({@code GlobalOpenTelemetry.isSet()} came in 1.57.0). */
  static final String MINIMUM = "1.57.0";

  private static final Pattern JAR_VERSION = Pattern.compile("opentelemetry-api-(\\d[^/]*?)\\.jar$");

  private OpenTelemetryApiVersion() {}

  /** Whether the API is recent enough; if not, says so once on standard error. */
  static boolean supported() {
    try {
      GlobalOpenTelemetry.class.getMethod("isSet");
      return true;
    } catch (NoSuchMethodException | LinkageError e) {
      System.err.println(tooOld(found()));
      return false;
    }
  }

  static String tooOld(String found) {
    return "traced: opentelemetry-api " + found + " is on the class path, traced needs " + MINIMUM
        + " or newer; @Traced methods run untraced";
  }

  /** The version of the API on the class path, from its manifest or its jar's name. */
  static String found() {
    String version = GlobalOpenTelemetry.class.getPackage().getImplementationVersion();
    if (version != null) {
      return version;
    }
    CodeSource source = GlobalOpenTelemetry.class.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    Matcher jar = JAR_VERSION.matcher(location == null ? "" : location.getPath());
    return jar.find() ? jar.group(1) : "(version unknown)";
  }
}
