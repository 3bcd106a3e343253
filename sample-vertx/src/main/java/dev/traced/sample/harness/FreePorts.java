package dev.traced.sample.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for a test to hand to a service or a backend it starts later.
 *
 * <p>They come from below the system's range of ephemeral ports. A port of that range can
 * meanwhile go to an outgoing connection (on loopback even a connection to itself, from a client
 * that keeps connecting to a port nobody listens on), and then a test that starts listening on it
 * later finds it in use.
 */
public final class FreePorts {

  /** Where Linux starts handing out ephemeral ports; elsewhere, or if unreadable, Linux's default. */
  private static final int EPHEMERAL_START = ephemeralRangeStart();

  private FreePorts() {}

  /** A port nobody listens on right now, below the ephemeral range. */
  public static int freePort() throws IOException {
    int lowest = Math.min(10_000, EPHEMERAL_START / 2);
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(lowest, EPHEMERAL_START);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // Someone listens there; try another.
      }
    }
    throw new IOException("no free port between " + lowest + " and " + EPHEMERAL_START);
  }

  private static int ephemeralRangeStart() {
    // Not Files.readString: it read only "3" of this /proc file.
    try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      int start = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
      return start >= 2_048 ? start : 32_768;
    } catch (IOException | RuntimeException notLinux) {
      return 32_768;
    }
  }
}
