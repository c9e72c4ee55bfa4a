package cloud.reencrypt.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cloud.reencrypt.bench.SlowClients;
import cloud.reencrypt.server.KmsHttp.Reply;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slowloris: clients trickling a request head byte by byte neither starve others nor stay forever.
 * Timeouts here only guard against hangs; the latency under this load is measured by {@code bench
 * http}, not asserted.
 */
class KmsServerSlowClientsTest {
  private static final int SLOW_CLIENTS = 40;
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);

  @RegisterExtension static final KmsServerExtension server = new KmsServerExtension();

  @Test
  void wellFormedRequest_whileFortyClientsTrickleOneByteASecond_completes() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (SlowClients slow = SlowClients.start(server.kms().port(), SLOW_CLIENTS)) {
            slow.awaitBytesSent(2); // every slow connection is open and mid-request

            Reply reply = server.http().signed("list-keys", "{}");

            assertEquals(200, reply.status(), reply.json()::toString);
            assertEquals(SLOW_CLIENTS, slow.open()); // still trickling while it was served
          }
        });
  }

  @Test
  void tricklingClient_pastTheHeadDeadline_isDisconnected() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          try (Socket socket = new Socket("127.0.0.1", server.kms().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("POST / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(1_000);
            while (!closedByServer(in) && sent(out, 'X')) {
              // one byte of header name a second: never idle, never done
            }
          }
        });
  }

  private static boolean sent(OutputStream out, int b) {
    try {
      out.write(b);
      out.flush();
      return true;
    } catch (java.io.IOException e) {
      return false; // closed by the server
    }
  }

  /** Waits up to the socket timeout for the server to close; true once it has. */
  private static boolean closedByServer(InputStream in) throws java.io.IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset: closed with our bytes unread
    }
  }
}
