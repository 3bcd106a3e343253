package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.weaving.configured.ConfiguredApp;
import java.io.File;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.aspectj.apache.bcel.Repository;
import org.aspectj.apache.bcel.util.ClassPath;
import org.aspectj.apache.bcel.util.SyntheticRepository;
import org.aspectj.bridge.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message handler traced's aop.xml names ({@code WeaverStartup}) spares the weaver its index of
 * the JDK and its parse of its own build date, and the weaver's messages print as they would
 * without it.
 */
class WeaverStartupTest {

  @TempDir Path application;

  @Test
  void theWeaverNeitherIndexesTheJdkNorParsesItsBuildDateWithEveryZonesName() throws Exception {
    assertThat(WovenJvm.run(StartupCheck.class, classPath()))
        .contains("repository of the class path alone: true", "build time as AspectJ reads it: true");
  }

  /**
   * Run woven: whether the weaver's repository is the one of {@code java.class.path} alone, and
   * whether the build time it stamps woven classes with is the one its own parse gives.
   */
  public static final class StartupCheck {
    public static void main(String[] args) {
      // The weaver's default repository is keyed by a path that also names the JDK's jrt-fs.jar.
      SyntheticRepository classPathAlone = SyntheticRepository.getInstance(new ClassPath(System.getProperty("java.class.path")));
      System.out.println("repository of the class path alone: " + (Repository.getRepository() == classPathAlone));
      Date asAspectJReads = new SimpleDateFormat(Version.SIMPLE_DATE_FORMAT).parse(Version.getTimeText(), new ParsePosition(0));
      System.out.println("build time as AspectJ reads it: " + (Version.getTime() == asAspectJReads.getTime()));
    }
  }

  @Test
  void verboseAndWeaveInfoPrintAsTheWeaversOwnWriterPrintsThem() throws Exception {
    List<String> lines =
        WovenJvm.run(ConfiguredApp.class, classPath(), List.of("-Daj.weaving.verbose=true", "-Dorg.aspectj.weaver.showWeaveInfo=true"));

    assertThat(lines)
        .anyMatch(line -> line.matches("\\[AppClassLoader@\\p{XDigit}+\\] info register aspect dev\\.traced\\.aspect\\.TracedAspect"))
        .anyMatch(line -> line.matches("\\[AppClassLoader@\\p{XDigit}+\\] weaveinfo at .* Join point 'method-execution\\(java\\.lang\\.String dev\\.traced\\.weaving\\.configured\\.Orders\\.place\\(\\)\\)'.*"));
  }

  @Test
  void withoutThemOnlyWarningsAndErrorsPrint() throws Exception {
    Files.createDirectories(application.resolve("META-INF"));
    Files.writeString(
        application.resolve("META-INF/aop.xml"), "<aspectj><aspects><aspect name=\"com.acme.Missing\"/></aspects></aspectj>");
    List<String> classPath = classPath();
    classPath.add(0, application.toString());

    List<String> weaverLines = WovenJvm.run(ConfiguredApp.class, classPath).stream().filter(line -> line.startsWith("[")).toList();

    assertThat(weaverLines).isNotEmpty().allMatch(line -> line.matches("\\[AppClassLoader@\\p{XDigit}+\\] (error|warning) .*"));
    assertThat(weaverLines).anyMatch(line -> line.contains("com.acme.Missing"));
  }

  private static List<String> classPath() {
    return new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
  }
}
