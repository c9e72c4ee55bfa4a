package cloud.reencrypt.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name value} options and {@code --name} flags of one subcommand, checked against the
 * names it accepts.
 */
final class Options {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, List<String>> repeated = new LinkedHashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Options() {}

  /**
   * Parses options that each take one value.
   *
   * @throws UsageException for an unknown option, a missing value or a repeated option
   */
  static Options parse(List<String> args, Set<String> known) throws UsageException {
    return parse(args, known, Set.of());
  }

  /**
   * Parses options that each take one value and flags that take none.
   *
   * @throws UsageException for an unknown option, a missing value or a repeated option or flag
   */
  static Options parse(List<String> args, Set<String> known, Set<String> knownFlags)
      throws UsageException {
    return parse(args, known, knownFlags, Set.of());
  }

  /**
   * Parses as above, where each option in {@code repeatable} may be given more than once ({@link
   * #all}).
   */
  static Options parse(
      List<String> args, Set<String> known, Set<String> knownFlags, Set<String> repeatable)
      throws UsageException {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (knownFlags.contains(name)) {
        if (!options.flags.add(name)) {
          throw new UsageException(name + " given twice");
        }
        continue;
      }
      if (!known.contains(name)) {
        throw new UsageException("unknown argument '" + name + "' (try --help)");
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(name + " needs a value");
      }
      if (repeatable.contains(name)) {
        options.repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
      } else if (options.values.put(name, args.get(++i)) != null) {
        throw new UsageException(name + " given twice");
      }
    }
    return options;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every value of a repeatable option, in the order given; empty when it was not. */
  List<String> all(String name) {
    return List.copyOf(repeated.getOrDefault(name, List.of()));
  }

  /** Whether the flag was given. */
  boolean flag(String name) {
    return flags.contains(name);
  }

  String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException(name + " is required (try --help)");
    }
    return value;
  }

  /**
   * A whole-number option from {@code min} to {@code max}, or {@code absent} when not given.
   *
   * @throws UsageException when the value is not such a number
   */
  int number(String name, int absent, int min, int max) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      return absent;
    }
    if (value.matches("[0-9]{1,9}")) {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    }
    throw new UsageException(name + " must be a whole number from " + min + " to " + max);
  }
}
