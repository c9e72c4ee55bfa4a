package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.fgs.local.follow.FollowRun;
import cloud.reencrypt.fgs.local.follow.JobWatch;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.JobControl;
import cloud.reencrypt.service.JobStatus;
import cloud.reencrypt.service.ObjectSettings;
import cloud.reencrypt.service.SweepRequest;
import cloud.reencrypt.service.SweepStart;
import cloud.reencrypt.service.WorkLocation;
import cloud.reencrypt.store.ObjectStore;
import cloud.reencrypt.wiring.ObjectSettingsOf;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sweep}: starts a sweep of a bucket (in a directory store, or on OBS) and runs it to its
 * end on worker processes on this machine, as {@code invoke --follow} runs a chain ({@link
 * FollowRun}).
 */
final class SweepCommand implements Command {
  @Override
  public String name() {
    return "sweep";
  }

  @Override
  public String summary() {
    return "Re-encrypt what a bucket already holds, resumably, and print the sweep's status";
  }

  @Override
  public String usage() {
    return """
        Usage: sweep --bucket B [--objects DIR] [--prefix P] [--destination-key-id K]
                     [--source-key-id S ...] [--suffix X] [--max-object-bytes N]
                     [--dry-run] [--workers N] [--worker-heap SIZE]

        Lists bucket B (under prefix P) page by page and handles every object as its
        object-created event would be: a ciphertext is re-encrypted into the output location
        (OUTPUT_BUCKET, OUTPUT_PREFIX), a .jsonl becomes a manifest (or manifest job), an output
        already up to date for the source's ETag is skipped. Runs on N worker processes until
        nothing remains, with progress on stderr; prints the sweep's final status.json on stdout.
        See docs/sweeps.md.

          --bucket B               the bucket to sweep (DIR/B)
          --objects DIR            the directory store; without it, OBS at OBS_ENDPOINT with
                                   OBS_ACCESS_KEY_ID / OBS_SECRET_ACCESS_KEY (the workers run
                                   here, against the bucket)
          --prefix P               only keys under P
          --destination-key-id K   default DESTINATION_KEY_ID, and on the public demo keystore
                                   the demo AES_256 key
          --source-key-id S        only ciphertexts under key S; repeat it (or give S1,S2)
                                   for several keys; others are skipped
          --suffix X               only keys ending in X
          --max-object-bytes N     skip larger objects
          --dry-run                decide without writing outputs
          --workers N, --worker-heap SIZE   as for invoke --follow

        Exits 0 when the sweep committed, 1 otherwise, 2 for bad arguments.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options = SweepArguments.parse(args);
    Optional<Path> root = StoreOption.directory(options);
    WorkerOptions workers = WorkerOptions.of(options);
    Configuration configuration = Configuration.read(System::getenv, false);
    // Every argument is checked before the sweep starts: a refusal leaves no job behind.
    SweepRequest request = SweepArguments.request(options, configuration);
    ObjectSettings settings =
        ObjectSettingsOf.configuration(configuration, request.destinationKeyId());
    try (ObjectStore store = StoreOption.open(root, configuration)) {
      SweepStart sweeps = new SweepStart(store, settings, Clock.systemUTC());
      JobStatus started = sweeps.start(request, SweepStart.PAGE_SIZE);
      WorkLocation work = sweeps.workLocation(request.bucket());
      err.println("sweep: " + started.jobId() + " " + started.state());
      JobControl control = new JobControl(store, work, Clock.systemUTC());
      JobWatch jobs = jobs(root, configuration, control, started.jobId());
      follow(workers, root, jobs, work, started.jobId(), err);
      JobStatus status = control.status(started.jobId()).orElseThrow();
      out.println(JsonMapping.prettyWriter().writeValueAsString(status));
      return JobStatus.COMMITTED.equals(status.state()) ? 0 : 1;
    }
  }

  /** Delivers the first page's event and everything it leads to, on worker processes. */
  private static void follow(
      WorkerOptions workers,
      Optional<Path> root,
      JobWatch jobs,
      WorkLocation work,
      String jobId,
      PrintStream err)
      throws Exception {
    FollowRun.Settings settings =
        new FollowRun.Settings(
            jobs,
            workers.count(),
            2,
            workers.commandLine(root),
            LocalContext.fromEnvironment().getRunningTimeInSeconds());
    String page = SweepStart.firstPage(work, jobId);
    String event =
        RuntimeJson.write(EventTemplates.obs(ObsShape.EVENTGRID, work.bucket(), page, null, 0));
    FollowRun.run(settings, event, work.bucket() + "/" + page, err);
  }

  /**
   * The jobs the progress line shows: on a directory store every job (the sweep's manifests' too),
   * read from the files; on OBS the sweep's own status, one GET a second.
   */
  private static JobWatch jobs(
      Optional<Path> root, Configuration configuration, JobControl control, String jobId) {
    if (root.isPresent()) {
      return JobWatch.directory(root.get(), configuration.workPrefix());
    }
    return () -> {
      try {
        return control
            .status(jobId)
            .map(status -> Map.of(jobId, JsonMapping.convert(status, JsonNode.class)))
            .orElse(Map.of());
      } catch (IOException e) {
        return Map.of(); // read again at the next tick
      }
    };
  }
}
