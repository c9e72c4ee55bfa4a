package cloud.reencrypt.bench;

/** The JVM floor of {@code bench coldstart}: a main that does nothing but print one line. */
public final class TrivialMain {
  private TrivialMain() {}

  public static void main(String[] args) {
    System.out.println("{}");
  }
}
