package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.only;
import static dev.traced.weaving.TestTracing.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.NotTraced;
import dev.traced.SpanAttribute;
import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class InheritedDeclarationsTest {

  interface Orders {
    @Traced(kind = Traced.Kind.SERVER, attributes = "layer=service")
    String place(@SpanAttribute("order.item") String item);

    String cancel(String item);

    @Traced("orders-count")
    int count();
  }

  static class DefaultOrders implements Orders {
    @Override
    public String place(String item) {
      Supplier<String> placed = () -> "placed " + item;
      return placed.get();
    }

    @Override
    public String cancel(String item) {
      return "cancelled " + item;
    }

    @Override
    @Traced("counted-here")
    public int count() {
      return helper();
    }

    @NotTraced
    public String describe() {
      return "orders";
    }

    int helper() {
      return 1;
    }
  }

  static class QuietOrders extends DefaultOrders {
    @Override
    @NotTraced
    public String place(String item) {
      return "quiet " + item;
    }
  }

  @Traced
  interface Catalog {
    String find(String sku);
  }

  static class MemoryCatalog implements Catalog {
    @Override
    public String find(String sku) {
      return "found " + sku;
    }

    public String other() {
      return "not declared in Catalog";
    }
  }

  abstract static class Job {
    @Traced("job-run")
    public abstract String run();

    @Traced
    protected String prepare() {
      return "base";
    }
  }

  static class NightlyJob extends Job {
    @Override
    public String run() {
      return "ran";
    }

    @Override
    protected String prepare() {
      return "nightly";
    }
  }

  static class LateNightlyJob extends NightlyJob {
    @Override
    public String run() {
      return "ran late";
    }
  }

  interface Handler<T> {
    @Traced
    String handle(T message);
  }

  static class TextHandler implements Handler<String> {
    @Override
    public String handle(String message) {
      return "handled " + message;
    }
  }

  interface Greeter {
    @Traced("greet")
    String greet(String name);

    @Traced("greet-default")
    default String greetAll() {
      return greet("all") + "!";
    }

    default String plain() {
      return "plain";
    }
  }

  static class FriendlyGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return "hi " + name;
    }
  }

  @Test
  void defaultMethodsOfAnInterfaceWithTracedMethodsAreWovenSafely() {
    Greeter greeter = new FriendlyGreeter();

    assertThat(greeter.greetAll()).isEqualTo("hi all!");
    assertThat(greeter.plain()).isEqualTo("plain");

    assertThat(spans()).extracting(SpanData::getName).containsExactly("greet", "greet-default");
    assertThat(spans().get(0).getParentSpanId()).isEqualTo(spans().get(1).getSpanId());
  }

  @Test
  void anImplementationOfAnAnnotatedInterfaceMethodIsTracedWithItsOptions() {
    Orders orders = new DefaultOrders();

    assertThat(orders.place("book")).isEqualTo("placed book");

    SpanData span = only();
    assertThat(span.getName()).isEqualTo("DefaultOrders.place");
    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("layer"))).isEqualTo("service");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("order.item"))).isEqualTo("book");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("code.function.name")))
        .isEqualTo(DefaultOrders.class.getName() + ".place");
  }

  @Test
  void methodsTheInterfaceDoesNotAnnotateStayUntraced() {
    DefaultOrders orders = new DefaultOrders();

    assertThat(orders.cancel("book")).isEqualTo("cancelled book");
    assertThat(orders.helper()).isEqualTo(1);
    assertThat(orders.describe()).isEqualTo("orders");

    assertThat(spans()).isEmpty();
  }

  @Test
  void theImplementationsOwnAnnotationWins() {
    assertThat(new DefaultOrders().count()).isEqualTo(1);

    assertThat(only().getName()).isEqualTo("counted-here");
  }

  @Test
  void notTracedOnAnOverrideOptsOut() {
    assertThat(new QuietOrders().place("book")).isEqualTo("quiet book");

    assertThat(spans()).isEmpty();
  }

  @Test
  void aClassLevelAnnotationOnAnInterfaceTracesItsMethodsInImplementations() {
    MemoryCatalog catalog = new MemoryCatalog();

    assertThat(catalog.find("sku-1")).isEqualTo("found sku-1");
    assertThat(catalog.other()).isEqualTo("not declared in Catalog");

    assertThat(spans()).extracting(SpanData::getName).containsExactly("MemoryCatalog.find");
  }

  @Test
  void anOverrideOfAnAnnotatedSuperclassMethodIsTracedTheNearestDeclarationWinning() {
    assertThat(new NightlyJob().run()).isEqualTo("ran");
    assertThat(new NightlyJob().prepare()).isEqualTo("nightly");
    assertThat(new LateNightlyJob().run()).isEqualTo("ran late");

    assertThat(spans()).extracting(SpanData::getName).containsExactly("job-run", "NightlyJob.prepare", "job-run");
  }

  @Test
  void aGenericInterfaceMethodGivesOneSpanThroughTheBridge() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Handler<Object> raw = (Handler) new TextHandler();

    assertThat(raw.handle("hi")).isEqualTo("handled hi");
    assertThat(new TextHandler().handle("there")).isEqualTo("handled there");

    assertThat(spans()).extracting(SpanData::getName).containsExactly("TextHandler.handle", "TextHandler.handle");
  }

  @Test
  void aLambdaImplementingATracedInterfaceIsNotTracedAndAnAnonymousClassIs() {
    // The README says so: the JVM generates the lambda's class at run time, past the weaver.
    Handler<String> lambda = message -> "lambda " + message;
    Handler<String> anonymous =
        new Handler<>() {
          @Override
          public String handle(String message) {
            return "anonymous " + message;
          }
        };

    assertThat(lambda.handle("hi")).isEqualTo("lambda hi");
    assertThat(anonymous.handle("hi")).isEqualTo("anonymous hi");

    assertThat(spans()).extracting(SpanData::getName).containsExactly("InheritedDeclarationsTest$1.handle");
  }
}
