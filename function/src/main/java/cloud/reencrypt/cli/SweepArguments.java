package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.service.SweepRequest;
import cloud.reencrypt.wiring.EngineFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of {@code sweep}, read into a {@link SweepRequest} and checked as a whole before
 * the sweep starts: a bad one is a bad argument (exit 2) that leaves no job behind in the work
 * location.
 */
final class SweepArguments {
  static final String DRY_RUN = "--dry-run";
  static final String SOURCE_KEY_ID = "--source-key-id";
  private static final String DESTINATION_KEY_ID = "--destination-key-id";

  private SweepArguments() {}

  /** Parses the command line, checking option names only. */
  static Options parse(List<String> args) throws UsageException {
    return Options.parse(
        args,
        Set.of(
            "--bucket",
            StoreOption.NAME,
            "--prefix",
            DESTINATION_KEY_ID,
            SOURCE_KEY_ID,
            "--suffix",
            "--max-object-bytes",
            WorkerOptions.WORKERS,
            WorkerOptions.HEAP),
        Set.of(DRY_RUN),
        Set.of(SOURCE_KEY_ID));
  }

  /**
   * The sweep the options ask for.
   *
   * @throws UsageException when an option is missing or malformed
   */
  static SweepRequest request(Options options, Configuration configuration) throws UsageException {
    Long maxBytes =
        options.get("--max-object-bytes").isEmpty()
            ? null
            : (long) options.number("--max-object-bytes", 0, 1, Integer.MAX_VALUE);
    SweepRequest request =
        new SweepRequest(
            options.required("--bucket"),
            options.get("--prefix").orElse(""),
            destination(options, configuration),
            configuration.destinationEncryptionAlgorithm(),
            options.all(SOURCE_KEY_ID).stream().flatMap(s -> Arrays.stream(s.split(","))).toList(),
            options.get("--suffix").orElse(null),
            maxBytes,
            options.flag(DRY_RUN));
    Optional<String> problem = request.problem();
    if (problem.isPresent()) {
      throw new UsageException("bad sweep arguments: " + problem.get());
    }
    return request;
  }

  /**
   * The flag, else {@code DESTINATION_KEY_ID}, else the engine's default, as the OBS handler takes
   * it ({@link EngineFactory.Choice#defaultDestinationKeyId}: the demo AES_256 key on the public
   * demo keystore). The engine is only built when neither is given.
   */
  private static String destination(Options options, Configuration configuration)
      throws UsageException {
    Optional<String> given = options.get(DESTINATION_KEY_ID);
    if (given.isPresent()) {
      return given.get();
    }
    return configuration
        .destinationKeyId()
        .or(() -> EngineFactory.create(configuration).defaultDestinationKeyId())
        .orElseThrow(
            () -> new UsageException("give " + DESTINATION_KEY_ID + " or set DESTINATION_KEY_ID"));
  }
}
