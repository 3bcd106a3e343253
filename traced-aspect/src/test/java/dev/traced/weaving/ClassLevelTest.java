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

  @Traced
  public record Sku(String code, int size) {
    public String label() {
      return code + "/" + size;
    }
  }

  @Traced
  public record Priced(String sku, long cents) {
    @Traced("Priced.cents")
    @Override
    public long cents() {
      return cents;
    }

    @Traced("Priced.toString")
    @Override
    public String toString() {
      return sku + "@" + cents;
    }
  }

  @Traced
  public enum Size {
    SMALL,
    LARGE;

    public Size other() {
      return this == SMALL ? LARGE : SMALL;
    }
  }

  @Test
  void membersEveryRecordHasAreNotTracedByTheClassLevelTraced() {
    Sku sku = new Sku("tea", 3);
    java.util.Map<Sku, Integer> stock = new java.util.HashMap<>();
    stock.put(sku, 1);
    stock.merge(new Sku("tea", 3), 1, Integer::sum);
    stock.get(sku);
    String text = sku.toString() + sku.code() + sku.size();

    assertThat(text).isEqualTo("Sku[code=tea, size=3]tea3");
    assertThat(spans()).isEmpty();
    assertThat(sku.label()).isEqualTo("tea/3");
    assertThat(names()).containsExactly("Sku.label");
  }

  @Test
  void aRecordMemberIsTracedWhenAnnotatedItself() {
    Priced priced = new Priced("tea", 250);
    priced.sku();
    priced.cents();
    priced.toString();

    assertThat(names()).containsExactly("Priced.cents", "Priced.toString");
  }

  @Test
  void membersEveryEnumHasAreNotTracedByTheClassLevelTraced() {
    Size.values();
    Size.valueOf("SMALL");
    Size.SMALL.name();

    assertThat(spans()).isEmpty();
    assertThat(Size.SMALL.other()).isSameAs(Size.LARGE);
    assertThat(names()).containsExactly("Size.other");
  }
}
