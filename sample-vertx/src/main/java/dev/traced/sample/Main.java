package dev.traced.sample;

import dev.traced.sample.demo.Demo;
import dev.traced.sample.services.AutoS1Service;
import dev.traced.sample.services.AutoS2Service;
import dev.traced.sample.services.DecoratorS1Service;
import dev.traced.sample.services.S1Service;
import dev.traced.sample.services.S2Service;
import dev.traced.sample.services.ServiceRunner;

/**
 * Starts one of the sample services, or the demo that runs them all.
 *
 * <pre>
 * java -javaagent:target/aspectjweaver.jar -jar target/sample-vertx.jar s2|s1|decorator-s1
 * java -javaagent:target/opentelemetry-javaagent.jar -jar target/sample-vertx.jar auto-s2|auto-s1
 * java -jar target/sample-vertx.jar demo
 * </pre>
 *
 * <p>Without an argument, the environment variable {@code SERVICE} names the service, which suits
 * containers that share one image.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 ? args[0] : System.getenv().getOrDefault("SERVICE", "");
    switch (command) {
      case "s2" -> ServiceRunner.run(S2Service.DESCRIPTION);
      case "s1" -> ServiceRunner.run(S1Service.DESCRIPTION);
      case "decorator-s1" -> ServiceRunner.run(DecoratorS1Service.DESCRIPTION);
      case "auto-s2" -> ServiceRunner.run(AutoS2Service.DESCRIPTION);
      case "auto-s1" -> ServiceRunner.run(AutoS1Service.DESCRIPTION);
      case "demo" -> System.exit(Demo.runFromBuild(System.out));
      default -> {
        System.err.println(
            "usage: java -javaagent:aspectjweaver.jar -jar sample-vertx.jar s2|s1|decorator-s1|demo"
                + " (or set SERVICE), or java -javaagent:opentelemetry-javaagent.jar -jar sample-vertx.jar auto-s2|auto-s1");
        System.exit(2);
      }
    }
  }
}
