package cloud.reencrypt.fgs;

import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.testing.RepoPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A local context on the demo keystore whose log lines a test can read. */
final class HandlerContexts {
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final LocalContext context;

  HandlerContexts(Map<String, String> userData) {
    Map<String, String> values = new HashMap<>(userData);
    values.putIfAbsent("REENCRYPT_KEYSTORE", RepoPaths.demoKeystore().toString());
    context =
        new LocalContext(
            values::get, 60, () -> 0L, new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  HandlerContexts() {
    this(Map.of());
  }

  String logText() {
    return log.toString(StandardCharsets.UTF_8);
  }
}
