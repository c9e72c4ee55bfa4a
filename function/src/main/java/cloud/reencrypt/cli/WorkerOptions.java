package cloud.reencrypt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The worker-process options that {@code invoke --follow} and {@code sweep} share, {@code --workers
 * N} and {@code --worker-heap SIZE}, checked when read: a command reads them before it runs or
 * writes anything, so a bad value is refused as a bad argument (exit 2) and leaves no trace.
 *
 * @param count worker processes, 1 to 64, default 1
 * @param heap each worker's heap limit ({@code java -Xmx}), when given
 */
record WorkerOptions(int count, Optional<String> heap) {
  static final String WORKERS = "--workers";
  static final String HEAP = "--worker-heap";

  /**
   * The options as given.
   *
   * @throws UsageException for a count out of range or a heap size {@code java -Xmx} would refuse
   */
  static WorkerOptions of(Options options) throws UsageException {
    int count = options.number(WORKERS, 1, 1, 64);
    Optional<String> heap = options.get(HEAP);
    // Checked here, not left to java: a size it refuses kills every worker as it starts.
    if (heap.isPresent() && !heap.get().matches("[1-9][0-9]{0,6}[kKmMgG]?")) {
      throw new UsageException(HEAP + " must be a size such as 128m or 2g");
    }
    return new WorkerOptions(count, heap);
  }

  /** The command that starts one worker on the store ({@link FollowWorkerCommand#commandLine}). */
  List<String> commandLine(Optional<Path> objects) {
    return FollowWorkerCommand.commandLine(objects, heap);
  }
}
