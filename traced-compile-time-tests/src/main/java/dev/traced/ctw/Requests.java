package dev.traced.ctw;

import dev.traced.CurrentSpan;
import dev.traced.SpanAttribute;
import dev.traced.Traced;
import io.opentelemetry.api.baggage.Baggage;

/**
 * Interfaces and superclasses that declare {@code @Traced}, {@code @CurrentSpan}, links, metrics
 * and an exclusion, woven at build time.
 */
public final class Requests {

  private Requests() {}

  /** A service interface that declares its tracing. */
  public interface Orders {
    @Traced(kind = Traced.Kind.SERVER)
    String place(@SpanAttribute("placed.item") String item);

    String cancel(String item);
  }

  /** Its implementation, with no annotation of its own. */
  public static class DefaultOrders implements Orders {
    @Override
    public String place(String item) {
      return reserve(item) + "/" + batch();
    }

    @Override
    public String cancel(String item) {
      return "cancelled " + item;
    }

    @CurrentSpan(result = "reserved")
    String reserve(@SpanAttribute("order.item") String item) {
      return "reserved " + item;
    }

    @Traced(value = "nightly-batch", newTrace = true, linkCaller = true)
    String batch() {
      return Baggage.current().getEntryValue("tenant");
    }
  }

  /** A superclass whose method is traced with metrics. */
  public abstract static class Job {
    @Traced(value = "job", metrics = true)
    public abstract String run();
  }

  /** Overrides {@link Job#run()} without an annotation. */
  public static class NightlyJob extends Job {
    @Override
    public String run() {
      return "ran";
    }
  }

  /** A traced method this module's build switches off with {@code -Dtraced.exclude}. */
  public static class Excluded {
    @Traced
    public String skipped() {
      return "skipped";
    }

    /** Switched off with its class: records nothing on the span it is called in. */
    @CurrentSpan(result = "excluded.result")
    public String noted() {
      return "noted";
    }
  }

  /** Methods without annotations, which {@code ListedMethods} traces. */
  public static class Listed {
    public String work() {
      new Excluded().noted();
      return "worked";
    }
  }
}
