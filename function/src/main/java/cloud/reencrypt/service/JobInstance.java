package cloud.reencrypt.service;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This process's name in job records, so a job's status can count the instances that worked on it.
 * Not a secret and not unique by construction: 64 random bits make a clash between instances of one
 * job negligible.
 */
final class JobInstance {
  static final String ID = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

  private JobInstance() {}
}
