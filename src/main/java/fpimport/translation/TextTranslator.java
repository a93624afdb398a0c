package fpimport.translation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text-valued fields: {@code text}, {@code multi_text}, {@code business} (an id) as
 * written, and {@code link}, {@code email}, {@code telephone} after a check of their
 * form. Free text joins the values of a repeated column, with a newline or the mapping's
 * {@code join}.
 */
final class TextTranslator implements FieldValueTranslator {

	enum Form {

		ANY, ID, LINK, EMAIL, TELEPHONE

	}

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private static final Pattern TELEPHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ()\\-]{2,29}");

	private final String fieldName;

	private final FieldSettings settings;

	private final Form form;

	TextTranslator(String fieldName, FieldSettings settings, Form form) {
		this.fieldName = fieldName;
		this.settings = settings;
		this.form = form;
	}

	@Override
	public Translation translate(String cell) {
		// rich text keeps its inner line breaks and indentation; only the edges are
		// trimmed
		String text = this.settings.alias(cell.strip()).strip();
		return switch (this.form) {
			case ANY, ID -> Translation.of(text);
			case LINK -> isLink(text) ? Translation.of(text) : Translation.refused("not a link '" + text + "' for "
					+ this.fieldName + "; write a full URL such as https://example.com/page");
			case EMAIL -> EMAIL.matcher(text).matches() ? Translation.of(text) : Translation.refused(
					"not an e-mail address '" + text + "' for " + this.fieldName + "; write it as name@example.com");
			case TELEPHONE -> TELEPHONE.matcher(text).matches() ? Translation.of(text)
					: Translation.refused("not a telephone number '" + text + "' for " + this.fieldName
							+ "; use digits with an optional leading +, spaces, - and ()");
		};
	}

	/**
	 * Free text joins the values of a repeated column; an id, link, address or number is
	 * one value.
	 */
	@Override
	public boolean takesSeveral() {
		return this.form == Form.ANY;
	}

	@Override
	public Translation translate(List<String> cells) {
		if (!takesSeveral()) {
			return FieldValueTranslator.super.translate(cells);
		}
		return Translation.of(String.join(this.settings.join(),
				cells.stream().map((cell) -> this.settings.alias(cell.strip()).strip()).toList()));
	}

	private static boolean isLink(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
