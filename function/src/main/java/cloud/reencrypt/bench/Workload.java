package cloud.reencrypt.bench;

/** One operation to time; it returns its result so that the work cannot be optimised away. */
@FunctionalInterface
public interface Workload {
  Object run() throws Exception;
}
