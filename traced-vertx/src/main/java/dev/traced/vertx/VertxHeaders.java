package dev.traced.vertx;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes OpenTelemetry context (W3C {@code traceparent}, {@code tracestate},
 * {@code baggage}) in Vert.x headers, so that one trace spans the services a request crosses.
 *
 * <p>Server side, extract the caller's context from the request headers and start the request's
 * span as its child; client side, inject the current context into the outgoing request's headers:
 *
 * <pre>{@code
 * Context parent = VertxHeaders.extract(propagators, request.headers());
 * Span span = tracer.spanBuilder("s2-span").setParent(parent).startSpan();
 *
 * MultiMap headers = VertxHeaders.inject(propagators, Context.current(), MultiMap.caseInsensitiveMultiMap());
 * client.get(port, host, "/").putHeaders(headers).send();
 * }</pre>
 *
 * <p>Repeated headers follow W3C Trace Context: several {@code tracestate} (or {@code baggage})
 * headers are read as one comma-separated list, while several {@code traceparent} headers make
 * the parent invalid, so the request starts a new trace. Bad headers never raise an error, and
 * never make a service log per request: a {@code baggage} member whose value cannot be decoded is
 * dropped before OpenTelemetry's parser would log a stack trace for it, with one line the first
 * time.
 */
public final class VertxHeaders {

  /** Reads a header; repeated values are joined with commas, a repeated traceparent is absent. */
  public static final TextMapGetter<MultiMap> GETTER = new Getter();

  /** Writes a header, replacing any value already there so that none is ever sent twice. */
  public static final TextMapSetter<MultiMap> SETTER = new Setter();

  private static final String TRACEPARENT = "traceparent";

  private VertxHeaders() {}

  /**
   * The context carried by {@code headers}, built on the root context: never on whatever context
   * happens to be current on the event loop.
   */
  public static Context extract(ContextPropagators propagators, MultiMap headers) {
    return propagators.getTextMapPropagator().extract(Context.root(), headers, GETTER);
  }

  /** Writes {@code context} into {@code headers} and returns them. */
  public static MultiMap inject(ContextPropagators propagators, Context context, MultiMap headers) {
    propagators.getTextMapPropagator().inject(context, headers, SETTER);
    return headers;
  }

  private static final class Getter implements TextMapGetter<MultiMap> {
    @Override
    public Iterable<String> keys(MultiMap carrier) {
      return carrier == null ? Collections.emptyList() : carrier.names();
    }

    @Override
    public String get(MultiMap carrier, String key) {
      if (carrier == null) {
        return null;
      }
      List<String> values = carrier.getAll(key);
      if (values.isEmpty()) {
        return null;
      }
      String value;
      if (values.size() == 1) {
        value = values.get(0);
      } else if (TRACEPARENT.equalsIgnoreCase(key)) {
        return null;
      } else {
        value = String.join(",", values);
      }
      return BaggageHeader.NAME.equalsIgnoreCase(key) ? BaggageHeader.withoutUndecodableMembers(value) : value;
    }

    @Override
    public Iterator<String> getAll(MultiMap carrier, String key) {
      if (carrier == null) {
        return Collections.emptyIterator();
      }
      List<String> values = carrier.getAll(key);
      if (!BaggageHeader.NAME.equalsIgnoreCase(key)) {
        return values.iterator();
      }
      return values.stream().map(BaggageHeader::withoutUndecodableMembers).filter(Objects::nonNull).iterator();
    }
  }

  private static final class Setter implements TextMapSetter<MultiMap> {
    @Override
    public void set(MultiMap carrier, String key, String value) {
      if (carrier != null) {
        carrier.set(key, value);
      }
    }
  }
}
