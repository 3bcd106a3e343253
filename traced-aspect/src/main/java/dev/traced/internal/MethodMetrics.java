package dev.traced.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import java.util.List;

/**
 * The duration metric of one traced method, {@code @Traced(metrics = true)} or every traced method
 * with {@code traced.metrics=true}: the histogram {@value #NAME}, in seconds, through the global
 * {@code MeterProvider}.
 *
 * <p>Its attributes are the method ({@code code.function.name}) and, for a call that ended in an
 * error, {@code error.type}: the exception's class name. Nothing of higher cardinality, so the
 * series stay few. An expected exception ({@code @Traced(expected = ...)}) is not an error here
 * either. As for spans, the histogram is taken from the global only once an SDK is registered.
 */
final class MethodMetrics {

  static final String NAME = "traced.method.duration";
  static final String PROPERTY = "traced.metrics";
  static final String VARIABLE = "TRACED_METRICS";
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** Whether every traced method records its duration, not only those with {@code metrics = true}. */
  static final boolean FOR_EVERY_METHOD = Setting.read(PROPERTY, VARIABLE).flag(false, "metrics stay off");

  /** The bucket boundaries OpenTelemetry's semantic conventions advise for durations in seconds. */
  private static final List<Double> BOUNDARIES =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  private static final double NANOS_PER_SECOND = 1e9;
  private static final DoubleHistogram NOOP = histogram(OpenTelemetry.noop());
  private static volatile DoubleHistogram histogram;

  private final String method;
  private final Attributes succeeded;

  /** @param method the method's qualified name, {@code com.acme.Orders.place} */
  MethodMetrics(String method) {
    this.method = method;
    this.succeeded = Attributes.of(MethodTracerFactory.CODE_FUNCTION_NAME, method);
  }

  /** Records a call that took {@code nanos}, and failed with {@code error} unless that is {@code null}. */
  void record(long nanos, Throwable error) {
    double seconds = nanos / NANOS_PER_SECOND;
    Attributes attributes =
        error == null
            ? succeeded
            : Attributes.of(MethodTracerFactory.CODE_FUNCTION_NAME, method, ERROR_TYPE, error.getClass().getName());
    histogram().record(seconds, attributes);
  }

  private static DoubleHistogram histogram() {
    DoubleHistogram current = histogram;
    if (current != null) {
      return current;
    }
    if (!GlobalTracer.API_SUPPORTED || !GlobalOpenTelemetry.isSet()) {
      return NOOP;
    }
    current = histogram(GlobalOpenTelemetry.get());
    histogram = current;
    return current;
  }

  private static DoubleHistogram histogram(OpenTelemetry openTelemetry) {
    return openTelemetry
        .getMeterProvider()
        .meterBuilder(GlobalTracer.SCOPE_NAME)
        .setInstrumentationVersion(GlobalTracer.SCOPE_VERSION)
        .build()
        .histogramBuilder(NAME)
        .setUnit("s")
        .setDescription("Duration of calls to traced methods")
        .setExplicitBucketBoundariesAdvice(BOUNDARIES)
        .build();
  }
}
