package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.fgs.local.follow.FollowRun;
import cloud.reencrypt.fgs.local.follow.JobWatch;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.store.ObjectStores;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code invoke}: runs the handler an event calls for, locally, like {@code sam local invoke}. Exit
 * 0 whenever the handler returned, whatever its status code. With {@code --follow}, runs the chain
 * of events the run's writes set off on worker processes ({@link FollowRun}).
 */
final class InvokeCommand implements Command {
  /** Options that only mean something with {@code --follow}. */
  private static final List<String> FOLLOW_OPTIONS =
      List.of("--workers", "--retries", "--worker-heap");

  private static final String FOLLOW = "--follow";

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
               invoke --event FILE --objects DIR --follow [--workers N] [--retries N]
                      [--worker-heap SIZE]

        Runs the handler that matches the event's shape (API Gateway or OBS: classic s3, obs
        notification, or EventGrid) with a local context, and prints its return value as JSON.
        Configuration comes from environment variables with the names of the function's
        user_data (see the README's configuration table); with none set, the local engine runs on the
        public demo keystore events/keystore.json.

          --event FILE    the event JSON, e.g. events/apig/re-encrypt-aes-data.json
          --objects DIR   use DIR as the object store for OBS events: bucket B, key K is the
                          file DIR/B/K (e.g. events/objects); without it OBS events go to OBS
                          at OBS_ENDPOINT

        Following a chain (needs --objects):
          --follow        after the event, deliver the OBS object-created event of every object
                          the run commits in DIR (uploads and composes, any bucket; deletes
                          trigger nothing), in the event's OBS shape (EventGrid after an APIG
                          event), and so on until no event is left, as FunctionGraph would
          --workers N     worker processes handling one event at a time each, like function
                          instances: 1 to 64, default 1. A worker is this tool's internal
                          follow-worker subcommand (not in the help listing), started with the
                          same java and classpath, and the environment (RUNTIME_TIMEOUT bounds
                          each invocation: a worker busy longer is killed)
          --retries N     deliveries after the first of an event whose worker dies, whose
                          handler throws or whose summary marks a record temporary: 0 to 3,
                          default 2, like FunctionGraph's asynchronous retries; a dead worker
                          is replaced
          --worker-heap SIZE
                          each worker's heap limit (java -Xmx), e.g. 128m

        With --follow, progress goes to stderr about once a second and at the end (events done
        and queued, workers busy, and each job's status.json under DIR/<bucket>/WORK_PREFIX
        jobs/<id>/: parts done of total, lines/s), and a report to stdout: the initial event's
        result, counts, workers, failures and the job statuses.

        Exits 0 whenever the handler returned (any statusCode); with --follow, 0 when no event
        or record failed for good and every job seen committed, else 1. Exits 1 when the event
        cannot be read or the configuration is bad; 2 for bad arguments.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options =
        Options.parse(
            args,
            Set.of("--event", "--objects", "--workers", "--retries", "--worker-heap"),
            Set.of(FOLLOW));
    if (options.flag(FOLLOW)) {
      return follow(options, out, err);
    }
    for (String name : FOLLOW_OPTIONS) {
      if (options.get(name).isPresent()) {
        throw new UsageException(name + " needs " + FOLLOW);
      }
    }
    LocalInvoker invoker = new LocalInvoker(objectStore(options));
    String event = readEvent(Path.of(options.required("--event")));
    JsonNode result = invoker.invoke(event, LocalContext.fromEnvironment());
    out.println(RuntimeJson.write(result));
    return 0;
  }

  private static int follow(Options options, PrintStream out, PrintStream err) throws Exception {
    Path root =
        StoreOption.directory(options)
            .orElseThrow(
                () -> new UsageException(FOLLOW + " needs --objects DIR: the chain runs on it"));
    WorkerOptions workers = WorkerOptions.of(options);
    int retries = options.number("--retries", 2, 0, 3);
    Path file = Path.of(options.required("--event"));
    String event = readEvent(file);
    LocalInvoker.kind(event);
    FollowRun.Settings settings =
        new FollowRun.Settings(
            JobWatch.directory(root, Configuration.read(System::getenv, false).workPrefix()),
            workers.count(),
            retries,
            workers.commandLine(Optional.of(root)),
            LocalContext.fromEnvironment().getRunningTimeInSeconds());
    FollowRun.Outcome outcome = FollowRun.run(settings, event, file.toString(), err);
    out.println(RuntimeJson.write(outcome.report()));
    return outcome.succeeded() ? 0 : 1;
  }

  private static ObjectStore objectStore(Options options) throws UsageException {
    return StoreOption.directory(options).map(ObjectStores::directory).orElse(null);
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
