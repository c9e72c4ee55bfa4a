package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.JobControl;
import cloud.reencrypt.service.JobId;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.service.WorkLocation;
import cloud.reencrypt.store.ObjectStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** {@code status --job ID}: a job's {@code status.json}, as the jobs API answers it. */
final class StatusCommand implements Command {

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "Print a manifest job's or sweep's status from its work location";
  }

  @Override
  public String usage() {
    return """
        Usage: status --job ID [--objects DIR]

        Prints the job's status (state, parts done of total, lines, failures by error code,
        lines/s, instances) as JSON, as GET .../kms/jobs/{id} answers it. The job is looked up
        under WORK_PREFIX (default .reencrypt-work/) in WORK_BUCKET; with --objects DIR and no
        WORK_BUCKET, in every bucket of DIR.

          --job ID        the job id, as an OBS summary's "job" names it
          --objects DIR   the directory store (bucket B is DIR/B); without it, OBS at
                          OBS_ENDPOINT with OBS_ACCESS_KEY_ID / OBS_SECRET_ACCESS_KEY

        Exits 0 when the job was found, 1 when it was not (or the store failed), 2 for bad
        arguments.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options = Options.parse(args, Set.of("--job", "--objects"));
    String id = options.required("--job");
    if (!JobId.isValid(id)) {
      throw new UsageException("--job: '" + id + "' is not a job id");
    }
    Configuration configuration = Configuration.read(System::getenv, false);
    Optional<Path> root = StoreOption.directory(options);
    try (ObjectStore store = StoreOption.open(root, configuration)) {
      for (String bucket : buckets(root, configuration)) {
        WorkLocation work = new WorkLocation(bucket, configuration.workPrefix());
        Optional<JobStatus> status = new JobControl(store, work, Clock.systemUTC()).status(id);
        if (status.isPresent()) {
          out.println(JsonMapping.prettyWriter().writeValueAsString(status.get()));
          return 0;
        }
      }
    }
    err.println("reencrypt status: no job '" + id + "' in the work location");
    return 1;
  }

  /** WORK_BUCKET, or every bucket of the directory store. */
  private static List<String> buckets(Optional<Path> root, Configuration configuration)
      throws IOException, UsageException {
    if (configuration.workBucket().isPresent() || root.isEmpty()) {
      return List.of(
          configuration
              .workBucket()
              .orElseThrow(() -> new UsageException("set WORK_BUCKET to find jobs on OBS")));
    }
    List<String> buckets = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root.get())) {
      dirs.filter(Files::isDirectory)
          .map(dir -> dir.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .forEach(buckets::add);
    }
    return buckets;
  }
}
