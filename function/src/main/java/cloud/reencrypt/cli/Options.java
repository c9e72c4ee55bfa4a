package cloud.reencrypt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options of one subcommand, checked against the names it accepts. */
final class Options {
  private final Map<String, String> values = new LinkedHashMap<>();

  private Options() {}

  /**
   * Parses options; every option takes one value.
   *
   * @throws UsageException for an unknown option, a missing value or a repeated option
   */
  static Options parse(List<String> args, Set<String> known) throws UsageException {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (!known.contains(name)) {
        throw new UsageException("unknown argument '" + name + "' (try --help)");
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(name + " needs a value");
      }
      if (options.values.put(name, args.get(++i)) != null) {
        throw new UsageException(name + " given twice");
      }
    }
    return options;
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) throws UsageException {
    String value = values.get(name);
    if (value == null) {
      throw new UsageException(name + " is required (try --help)");
    }
    return value;
  }
}
