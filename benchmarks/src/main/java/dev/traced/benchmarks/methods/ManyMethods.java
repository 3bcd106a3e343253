package dev.traced.benchmarks.methods;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whether the per-call lookup of a method's tracer scales: {@code @Traced} methods called
 * round-robin, 1, 100 or 10,000 distinct ones, against as many hand-written twins that make the
 * same span and as many untraced twins, called the same way.
 * The methods are generated and compiled when the benchmark starts ({@value #PER_CLASS} to a
 * class) and woven as they load, as an application's would be.
 *
 * <p>Every operation is {@value #PER_CLASS} calls, whatever the count, so that the rows differ only
 * in how many distinct methods the calls reach: one generated method of each class calls the
 * class's methods in turn (with one method, that method {@value #PER_CLASS} times), and the
 * benchmark moves to the next class at each operation. Divide by {@value #PER_CLASS} for a call.
 * With 10,000 methods every one of them must be compiled before the figure means anything: run this
 * benchmark with a warm-up of a minute or more (see {@code docs/performance.md}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ManyMethods {

  static final int PER_CLASS = 100;
  static final String PACKAGE = "dev.traced.benchmarks.generated";

  /** The generated classes' rounds of calls, as operators, in calling order. */
  @State(Scope.Benchmark)
  public static class Methods {
    @Param({"1", "100", "10000"})
    public int count;

    LongUnaryOperator[] traced;
    LongUnaryOperator[] handWritten;
    LongUnaryOperator[] untraced;
    int next;

    /** Takes {@code exporting} so that its SDK is registered before the hand-written spans need it. */
    @Setup(Level.Trial)
    public void generate(Exporting exporting) throws Exception {
      Path sources = Files.createTempDirectory("traced-many-methods-");
      List<String> files = new ArrayList<>();
      int classes = (count + PER_CLASS - 1) / PER_CLASS;
      for (int k = 0; k < classes; k++) {
        int methods = Math.min(PER_CLASS, count - k * PER_CLASS);
        Path file = sources.resolve("Generated" + k + ".java");
        Files.writeString(file, source(k, methods), StandardCharsets.UTF_8);
        files.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-d", sources.toString()));
      arguments.addAll(files);
      if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
        throw new IllegalStateException("could not compile the generated methods");
      }
      ClassLoader loader = new URLClassLoader(new URL[] {sources.toUri().toURL()}, ManyMethods.class.getClassLoader());
      traced = new LongUnaryOperator[classes];
      handWritten = new LongUnaryOperator[classes];
      untraced = new LongUnaryOperator[classes];
      for (int k = 0; k < classes; k++) {
        Class<?> type = loader.loadClass(PACKAGE + ".Generated" + k);
        type.getField("tracer").set(null, exporting.work.tracer());
        traced[k] = (LongUnaryOperator) type.getField("TRACED").get(null);
        handWritten[k] = (LongUnaryOperator) type.getField("HAND_WRITTEN").get(null);
        untraced[k] = (LongUnaryOperator) type.getField("UNTRACED").get(null);
      }
    }

    /**
     * A class of {@code methods} traced methods, their hand-written twins (the same span: name and
     * {@code code.function.name}), their untraced twins, and for each kind one round of
     * {@value #PER_CLASS} calls through them.
     */
    private static String source(int k, int methods) {
      String name = "Generated" + k;
      StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n\n");
      out.append("import io.opentelemetry.api.common.AttributeKey;\n");
      out.append("import io.opentelemetry.api.trace.Span;\n");
      out.append("import io.opentelemetry.api.trace.StatusCode;\n");
      out.append("import io.opentelemetry.context.Scope;\n\n");
      out.append("public class ").append(name).append(" {\n");
      out.append("  public static io.opentelemetry.api.trace.Tracer tracer;\n");
      out.append("  static final AttributeKey<String> FUNCTION = AttributeKey.stringKey(\"code.function.name\");\n");
      for (String kind : List.of("TRACED", "HAND_WRITTEN", "UNTRACED")) {
        out.append("  public static final java.util.function.LongUnaryOperator ").append(kind).append(" = ")
            .append(name).append("::").append(kind.toLowerCase(java.util.Locale.ROOT).replace("_w", "W")).append("Round;\n");
      }
      for (int j = 0; j < methods; j++) {
        long factor = k * PER_CLASS + j + 3;
        out.append("  @dev.traced.Traced(\"manyTraced\") static long t").append(j)
            .append("(long x) { return x * ").append(factor).append("L + 1; }\n");
        out.append("  static long h").append(j).append("(long x) {\n")
            .append("    Span span = tracer.spanBuilder(\"manyHandWritten\").setAttribute(FUNCTION, \"")
            .append(PACKAGE).append('.').append(name).append(".t").append(j).append("\").startSpan();\n")
            .append("    try (Scope ignored = span.makeCurrent()) {\n")
            .append("      return x * ").append(factor).append("L + 1;\n")
            .append("    } catch (RuntimeException e) {\n")
            .append("      span.recordException(e);\n      span.setStatus(StatusCode.ERROR);\n      throw e;\n")
            .append("    } finally {\n      span.end();\n    }\n  }\n");
        out.append("  static long u").append(j).append("(long x) { return x * ").append(factor).append("L + 1; }\n");
      }
      for (String round : List.of("t:tracedRound", "h:handWrittenRound", "u:untracedRound")) {
        out.append("  static long ").append(round.substring(2)).append("(long x) {\n");
        for (int call = 0; call < PER_CLASS; call++) {
          out.append("    x = ").append(round.charAt(0)).append(call % methods).append("(x);\n");
        }
        out.append("    return x;\n  }\n");
      }
      return out.append("}\n").toString();
    }

    int advance() {
      int current = next;
      next = current + 1 == traced.length ? 0 : current + 1;
      return current;
    }
  }

  @Benchmark
  public long manyTraced(Exporting state, Methods methods) {
    return methods.traced[methods.advance()].applyAsLong(state.calls += PER_CLASS);
  }

  @Benchmark
  public long manyHandWritten(Exporting state, Methods methods) {
    return methods.handWritten[methods.advance()].applyAsLong(state.calls += PER_CLASS);
  }

  @Benchmark
  public long manyUntraced(Exporting state, Methods methods) {
    return methods.untraced[methods.advance()].applyAsLong(state.calls += PER_CLASS);
  }
}
