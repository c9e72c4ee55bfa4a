package cloud.reencrypt.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A FunctionGraph instance in a child JVM whose classpath is the FunctionGraph package, the runtime
 * stand-in, Gson and this emulator only ({@code FunctionGraphJarIT}). Reads requests from stdin,
 * one per line: {@code HANDLER<TAB>EVENT_FILE}, e.g. {@code
 * cloud.reencrypt.fgs.ObsHandler.handleRequest<TAB>events/obs/s3-ciphertext.json}; answers each
 * with one line on stdout: {@code OK <request ID> <Base64 of the JSON returned>} or {@code FAILED
 * <exception>}. Each handler is made once and kept, as an instance keeps it warm.
 */
public final class GsonRuntimeMain {
  private GsonRuntimeMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, GsonRuntime> handlers = new HashMap<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] request = line.split("\t", 2);
      out.println(answer(handlers, request[0], Path.of(request[1])));
    }
  }

  private static String answer(Map<String, GsonRuntime> handlers, String handler, Path event) {
    try {
      GsonRuntime runtime = handlers.get(handler);
      if (runtime == null) {
        runtime = GsonRuntime.load(handler);
        handlers.put(handler, runtime);
      }
      EnvironmentContext context = new EnvironmentContext();
      String json = runtime.call(Files.readString(event), context);
      byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
      return "OK " + context.getRequestID() + " " + Base64.getEncoder().encodeToString(utf8);
    } catch (Exception | LinkageError e) {
      // A missing class (a dependency left out of the package) arrives here as a LinkageError,
      // whose message names the class; the test reports the line.
      return "FAILED " + e;
    }
  }
}
