package cloud.reencrypt.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source text of expressions, for what hcl4j evaluates instead of keeping: a conditional
 * ({@code var.x ? a : b}) arrives as one of its branches, a function call ({@code tostring(var.x)})
 * as null, a splat as a mangled reference. Relies on {@code terraform fmt}'s layout, which {@link
 * TerraformFormatTest} enforces: a top-level block ends with a {@code }} line at column 0, and an
 * attribute and its single-line expression share a line.
 */
final class HclSource {
  private static final Pattern LOCAL = Pattern.compile("\\blocal\\.([a-z0-9_]+)");
  private static final Pattern VARIABLE = Pattern.compile("\\bvar\\.([a-z0-9_]+)");

  private final Map<Path, String> texts = new LinkedHashMap<>();
  private final Map<String, String> locals = new LinkedHashMap<>();

  private HclSource() {}

  /** The {@code .tf} files of a directory. */
  static HclSource of(Path directory) {
    HclSource source = new HclSource();
    for (Path file : TerraformConfig.tfFiles(directory)) {
      source.texts.put(file, read(file));
      source.readLocals(source.texts.get(file));
    }
    return source;
  }

  /** The project's {@code terraform/}. */
  static HclSource deployment() {
    return of(TerraformConfig.repositoryRoot().resolve("terraform"));
  }

  /** A block's text, from its header line to its closing brace. */
  String block(TfBlock block) {
    String header =
        switch (block.kind()) {
          case RESOURCE -> "resource \"" + block.type() + "\" \"" + block.name() + "\" {";
          case DATA -> "data \"" + block.type() + "\" \"" + block.name() + "\" {";
          case PROVIDER -> "provider \"" + block.type() + "\" {";
        };
    return topLevelBlock(header)
        .orElseThrow(() -> new AssertionError("no block " + header + " in " + block.file()));
  }

  /** A {@code variable} block's text. */
  String variable(String name) {
    String header = "variable \"" + name + "\" {";
    return topLevelBlock(header).orElseThrow(() -> new AssertionError("no " + header));
  }

  private Optional<String> topLevelBlock(String header) {
    for (String text : texts.values()) {
      int start = text.startsWith(header) ? 0 : text.indexOf("\n" + header) + 1;
      if (start > 0 || text.startsWith(header)) {
        int end = text.indexOf("\n}", start);
        return Optional.of(text.substring(start, end < 0 ? text.length() : end + 2));
      }
    }
    return Optional.empty();
  }

  /**
   * The expression of a block's attribute, at any depth (the first line {@code name = ...} in the
   * block), e.g. {@code count}, {@code max_instance_num} or a key of a {@code jsonencode} map.
   */
  Optional<String> attribute(TfBlock block, String name) {
    return firstAssignment(block(block), name);
  }

  /** The expression of a local value, from the {@code locals} block that defines it. */
  String local(String name) {
    String expression = locals.get(name);
    if (expression == null) {
      throw new AssertionError("no single-line local " + name);
    }
    return expression;
  }

  /** Every {@code var.x} an expression reaches, directly or through the locals it reads. */
  Set<String> variablesReachedBy(String expression) {
    Set<String> variables = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.push(expression);
    while (!pending.isEmpty()) {
      String next = pending.pop();
      Matcher variable = VARIABLE.matcher(next);
      while (variable.find()) {
        variables.add("var." + variable.group(1));
      }
      Matcher local = LOCAL.matcher(next);
      while (local.find()) {
        if (seen.add(local.group(1))) {
          pending.push(local(local.group(1)));
        }
      }
    }
    return variables;
  }

  /** Every {@code local.x} an expression reaches, directly or through other locals. */
  Set<String> localsReachedBy(String expression) {
    Set<String> seen = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.push(expression);
    while (!pending.isEmpty()) {
      Matcher local = LOCAL.matcher(pending.pop());
      while (local.find()) {
        if (seen.add("local." + local.group(1))) {
          pending.push(local(local.group(1)));
        }
      }
    }
    return seen;
  }

  private void readLocals(String text) {
    Matcher block = Pattern.compile("(?m)^locals \\{\\n(.*?)^\\}", Pattern.DOTALL).matcher(text);
    while (block.find()) {
      Matcher line = Pattern.compile("(?m)^  ([a-z0-9_]+)\\s*=\\s*(.+)$").matcher(block.group(1));
      while (line.find()) {
        locals.put(line.group(1), line.group(2).trim());
      }
    }
  }

  private static Optional<String> firstAssignment(String text, String name) {
    Matcher line =
        Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(name) + "\"?\\s*=\\s*(.+)$").matcher(text);
    return line.find() ? Optional.of(line.group(1).trim()) : Optional.empty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
