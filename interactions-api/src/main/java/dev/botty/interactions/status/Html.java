package dev.botty.interactions.status;

/** HTML escaping for text and attribute values: every dynamic string on the status page goes through {@link #text}. */
final class Html {
    private Html() {}

    /** Escapes the five characters that can end text or a quoted attribute; null is the empty string. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
