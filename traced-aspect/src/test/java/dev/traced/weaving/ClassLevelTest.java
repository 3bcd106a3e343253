package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.NotTraced;
import dev.traced.Traced;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class ClassLevelTest {

  @Traced
  static class Inventory implements Comparable<Inventory> {
    private int count;

    Inventory() {
      count = 1;
    }

    public int count() {
      return helper();
    }

    public static String describe() {
      return "inventory";
    }

    @Traced("restock")
    public void refill() {
      count++;
    }

    @NotTraced
    public String quiet() {
      return "not traced";
    }

    public String viaLambda() {
      Supplier<String> supplier = () -> "from a lambda";
      return supplier.get();
    }

    public int viaNestedClass() {
      return new Counter().next();
    }

    int packagePrivate() {
      return count;
    }

    private int helper() {
      return count;
    }

    @Override
    public int compareTo(Inventory other) {
      return Integer.compare(count, other.count);
    }

    static class Counter {
      public int next() {
        return 2;
      }
    }
  }

  private List<String> names() {
    return spans().stream().map(SpanData::getName).toList();
  }

  @Test
  void everyPublicMethodDeclaredInTheClassIsTraced() {
    Inventory inventory = new Inventory();
    inventory.count();
    Inventory.describe();

    assertThat(names()).containsExactly("Inventory.count", "Inventory.describe");
  }

  @Test
  void constructorsAndNonPublicMethodsAreNotTraced() {
    Inventory inventory = new Inventory();
    inventory.packagePrivate();

    assertThat(spans()).isEmpty();
  }

  @Test
  void aMethodsOwnTracedWins() {
    new Inventory().refill();

    assertThat(names()).containsExactly("restock");
  }

  @Test
  void notTracedOptsOut() {
    assertThat(new Inventory().quiet()).isEqualTo("not traced");

    assertThat(spans()).isEmpty();
  }

  @Test
  void lambdasNestedClassesAndBridgeMethodsAreNotTracedOnTheirOwn() {
    Inventory inventory = new Inventory();
    inventory.viaLambda();
    inventory.viaNestedClass();
    @SuppressWarnings({"unchecked", "rawtypes"})
    Comparable<Object> raw = (Comparable) inventory;
    raw.compareTo(new Inventory());

    assertThat(names()).containsExactly("Inventory.viaLambda", "Inventory.viaNestedClass", "Inventory.compareTo");
  }
}
