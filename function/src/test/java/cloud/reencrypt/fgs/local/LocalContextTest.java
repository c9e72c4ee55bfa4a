package cloud.reencrypt.fgs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalContextTest {
  @Test
  void remainingTime_followsTheInjectedClockDownToZero() {
    AtomicLong now = new AtomicLong(1_000);
    LocalContext context = new LocalContext(Map.<String, String>of()::get, 3, now::get, System.err);

    assertEquals(3_000, context.getRemainingTimeInMilliSeconds());
    now.addAndGet(2_500);
    assertEquals(500, context.getRemainingTimeInMilliSeconds());
    now.addAndGet(10_000);
    assertEquals(0, context.getRemainingTimeInMilliSeconds());
  }

  @Test
  void userData_comesFromTheLookupAndThereIsNoAgency() {
    LocalContext context = LocalContext.forUserData(Map.of("OUTPUT_PREFIX", "out/"));

    assertEquals("out/", context.getUserData("OUTPUT_PREFIX"));
    assertNull(context.getUserData("OUTPUT_BUCKET"));
    assertNull(context.getSecurityAccessKey());
    assertEquals(LocalContext.DEFAULT_TIMEOUT_SECONDS, context.getRunningTimeInSeconds());
    assertNotEquals(LocalContext.forUserData(Map.of()).getRequestID(), context.getRequestID());
  }

  @Test
  void forUserData_badTimeout_failsWithOneLine() {
    assertThrows(
        ConfigurationException.class,
        () -> LocalContext.forUserData(Map.of("RUNTIME_TIMEOUT", "soon")));
  }

  @Test
  void logger_prefixesLevelAndRequestIdAndHonoursTheLevel() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LocalContext context =
        new LocalContext(
            Map.<String, String>of()::get,
            1,
            () -> 0,
            new PrintStream(log, true, StandardCharsets.UTF_8));

    context.getLogger().debug("hidden");
    context.getLogger().info("shown");
    context.getLogger().setLevel("ERROR");
    context.getLogger().warn("hidden too");

    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals("INFO " + context.getRequestID() + " shown\n", text);
    assertTrue(text.contains(context.getRequestID()));
  }

  @Test
  void requestId_isARandomVersion4Uuid() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = LocalContext.forUserData(Map.of()).getRequestID();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
      assertEquals(id, uuid.toString());
      assertTrue(seen.add(id), "repeated request ID " + id);
    }
  }
}
