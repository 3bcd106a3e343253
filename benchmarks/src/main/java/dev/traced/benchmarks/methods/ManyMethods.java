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
 * round-robin, 1, 100 or 10,000 distinct ones, against as many untraced twins called the same way.
 * The methods are generated and compiled when the benchmark starts ({@value #PER_CLASS} to a
 * class) and woven as they load, as an application's would be.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ManyMethods {

  static final int PER_CLASS = 100;
  static final String PACKAGE = "dev.traced.benchmarks.generated";

  /** The generated methods, as operators, in calling order. */
  @State(Scope.Benchmark)
  public static class Methods {
    @Param({"1", "100", "10000"})
    public int count;

    LongUnaryOperator[] traced;
    LongUnaryOperator[] untraced;
    int next;

    @Setup(Level.Trial)
    public void generate() throws Exception {
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
      traced = new LongUnaryOperator[count];
      untraced = new LongUnaryOperator[count];
      for (int k = 0; k < classes; k++) {
        Class<?> type = loader.loadClass(PACKAGE + ".Generated" + k);
        LongUnaryOperator[] tracedHere = (LongUnaryOperator[]) type.getMethod("traced").invoke(null);
        LongUnaryOperator[] untracedHere = (LongUnaryOperator[]) type.getMethod("untraced").invoke(null);
        System.arraycopy(tracedHere, 0, traced, k * PER_CLASS, tracedHere.length);
        System.arraycopy(untracedHere, 0, untraced, k * PER_CLASS, untracedHere.length);
      }
    }

    /** A class of {@code methods} traced methods, their untraced twins, and both as operators. */
    private static String source(int k, int methods) {
      StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n\n");
      out.append("public class Generated").append(k).append(" {\n");
      for (int j = 0; j < methods; j++) {
        out.append("  @dev.traced.Traced(\"manyTraced\") static long t").append(j)
            .append("(long x) { return x * ").append(k * PER_CLASS + j + 3).append("L + 1; }\n");
        out.append("  static long u").append(j).append("(long x) { return x * ").append(k * PER_CLASS + j + 3).append("L + 1; }\n");
      }
      for (String kind : List.of("traced", "untraced")) {
        out.append("  public static java.util.function.LongUnaryOperator[] ").append(kind).append("() {\n    return new java.util.function.LongUnaryOperator[] {");
        for (int j = 0; j < methods; j++) {
          out.append(j == 0 ? "" : ", ").append("Generated").append(k).append("::").append(kind.charAt(0)).append(j);
        }
        out.append("};\n  }\n");
      }
      return out.append("}\n").toString();
    }

    int advance() {
      int current = next;
      next = current + 1 == count ? 0 : current + 1;
      return current;
    }
  }

  @Benchmark
  public long manyTraced(Exporting state, Methods methods) {
    return methods.traced[methods.advance()].applyAsLong(state.calls++);
  }

  @Benchmark
  public long manyUntraced(Exporting state, Methods methods) {
    return methods.untraced[methods.advance()].applyAsLong(state.calls++);
  }
}
