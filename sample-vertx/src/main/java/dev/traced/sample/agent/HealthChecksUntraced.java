package dev.traced.sample.agent;

import dev.traced.sample.services.ServiceNames;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Drops the agent's server spans of {@code GET /health}: probes call it every few seconds, and a
 * trace per probe would bury the traces of real requests. Every other span is sampled as the
 * configured sampler decides.
 */
final class HealthChecksUntraced implements Sampler {

  /** Set by the agent's HTTP server instrumentation before it starts the span. */
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  private final Sampler delegate;

  HealthChecksUntraced(Sampler delegate) {
    this.delegate = delegate;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, String traceId, String name, SpanKind spanKind, Attributes attributes, List<LinkData> parentLinks) {
    if (spanKind == SpanKind.SERVER && ServiceNames.HEALTH_PATH.equals(attributes.get(URL_PATH))) {
      return SamplingResult.drop();
    }
    return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
  }

  @Override
  public String getDescription() {
    return "HealthChecksUntraced{" + delegate.getDescription() + "}";
  }
}
