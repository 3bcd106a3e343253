package dev.traced.benchmarks.startup;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the load-time weaver costs s2 before any aspect of traced's: an aspect that matches nothing,
 * compiled by ajc into a directory of its own with an {@code aop.xml} that declares it alone, over
 * the sample's weaving scope. s2 started with the weaver and this configuration instead of traced's
 * pays the agent, the weaver's set-up and its look at every class it loads, and weaves nothing: the
 * floor under any aspect.
 */
final class WeaverFloor {

  private static final String ASPECT =
      """
      package floor;

      /** Matches no method: the weaver sets itself up for it and passes every class over. */
      public aspect NothingMatched {
        before(): execution(* floor.NothingMatched.never()) {}

        void never() {}
      }
      """;

  private static final String AOP_XML =
      """
      <aspectj>
        <aspects>
          <aspect name="floor.NothingMatched"/>
        </aspects>
        <weaver>
          <include within="dev.traced.sample..*"/>
        </weaver>
      </aspectj>
      """;

  /** The compiled aspect's class directory, and the only {@code aop.xml} the weaver is to read. */
  record Configuration(Path classes, Path aopXml) {

    /** The weaver's option that makes it read {@link #aopXml} and no {@code META-INF/aop.xml}. */
    String option() {
      return "-Dorg.aspectj.weaver.loadtime.configuration=" + aopXml.toUri();
    }
  }

  private WeaverFloor() {}

  static Configuration compile(Path directory) throws IOException, URISyntaxException {
    Path source = Files.createDirectories(directory.resolve("source/floor")).resolve("NothingMatched.aj");
    Files.writeString(source, ASPECT);
    Path classes = Files.createDirectories(directory.resolve("classes"));
    // The AspectJ runtime the aspect compiles against is in ajc's own jar.
    String runtime = Path.of(org.aspectj.tools.ajc.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    CompileTimeWeaving.ajc("-classpath", runtime, "-d", classes.toString(), "--release", "17", source.toString());
    Path aopXml = directory.resolve("aop.xml");
    Files.writeString(aopXml, AOP_XML);
    return new Configuration(classes, aopXml);
  }
}
