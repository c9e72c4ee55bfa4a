package cloud.reencrypt.cli;

import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code invoke}: runs the handler an event calls for, locally, like {@code sam local invoke}. Exit
 * 0 whenever the handler returned, whatever its status code.
 */
final class InvokeCommand implements Command {

  @Override
  public String name() {
    return "invoke";
  }

  @Override
  public String summary() {
    return "Run the APIG or OBS handler on an event file and print what it returns";
  }

  @Override
  public String usage() {
    return """
        Usage: invoke --event FILE [--objects DIR]

        Runs the handler that matches the event's shape (API Gateway or OBS: classic s3, obs
        notification, or EventGrid) with a local context, and prints its return value as JSON.
        Configuration comes from environment variables with the names of the function's
        user_data (see the README's configuration table); with none set, the local engine runs on the
        public demo keystore events/keystore.json.

          --event FILE    the event JSON, e.g. events/apig/re-encrypt-aes-data.json
          --objects DIR   use DIR as the object store for OBS events: bucket B, key K is the
                          file DIR/B/K (e.g. events/objects); without it OBS events go to OBS
                          at OBS_ENDPOINT

        Exits 0 whenever the handler returned (any statusCode); 1 when the event cannot be
        read or the configuration is bad; 2 for bad arguments.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options = Options.parse(args, Set.of("--event", "--objects"));
    LocalInvoker invoker = new LocalInvoker(objectStore(options));
    String event = readEvent(Path.of(options.required("--event")));
    JsonNode result = invoker.invoke(event, LocalContext.fromEnvironment());
    out.println(RuntimeJson.write(result));
    return 0;
  }

  private static ObjectStore objectStore(Options options) throws UsageException {
    if (options.get("--objects").isEmpty()) {
      return null;
    }
    Path root = Path.of(options.get("--objects").get());
    if (!Files.isDirectory(root)) {
      throw new UsageException("--objects: '" + root + "' is not a directory");
    }
    return ObjectStores.directory(root);
  }

  /** The event text, checked to be JSON here so a bad file is reported as such. */
  private static String readEvent(Path file) {
    try {
      String text = Files.readString(file);
      RuntimeJson.event(text, Object.class);
      return text;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("event file '" + file + "' does not exist");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "event file '" + file + "' is not valid JSON: " + e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("event file '" + file + "' cannot be read");
    }
  }
}
