package cloud.reencrypt.store;

import java.util.Comparator;

/**
 * The order listings use: keys compared as their UTF-8 bytes, as OBS and S3 list them. That is code
 * point order, which {@link String#compareTo} is not: it compares UTF-16 units, which puts
 * characters above U+FFFF (stored as surrogates, {@code D800}-{@code DFFF}) before {@code
 * E000}-{@code FFFF}, the reverse of their UTF-8 order.
 */
final class KeyOrder {
  /** Keys in UTF-8 byte order. */
  static final Comparator<String> UTF8 = KeyOrder::compare;

  private KeyOrder() {}

  static int compare(String left, String right) {
    int index = 0;
    while (index < left.length() && index < right.length()) {
      int a = left.codePointAt(index);
      int b = right.codePointAt(index);
      if (a != b) {
        return Integer.compare(a, b);
      }
      index += Character.charCount(a);
    }
    return Integer.compare(left.length() - index, right.length() - index);
  }
}
