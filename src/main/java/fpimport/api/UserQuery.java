package fpimport.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import fpimport.metadata.UserSource;

/**
 * The body of {@code user/query}: at most {@value UserSource#MAX_BATCH} e-mails, user
 * keys or out ids (the service answers 20004 to more).
 */
public record UserQuery(By by, List<String> values) {

	public UserQuery {
		Objects.requireNonNull(by, "by");
		values = List.copyOf(values);
		if (values.size() > UserSource.MAX_BATCH) {
			throw new IllegalArgumentException("user/query takes at most " + UserSource.MAX_BATCH + " values, not "
					+ values.size() + ": split the lookup");
		}
	}

	public static UserQuery emails(Collection<String> emails) {
		return new UserQuery(By.EMAILS, List.copyOf(emails));
	}

	public static UserQuery userKeys(Collection<String> userKeys) {
		return new UserQuery(By.USER_KEYS, List.copyOf(userKeys));
	}

	public static UserQuery outIds(Collection<String> outIds) {
		return new UserQuery(By.OUT_IDS, List.copyOf(outIds));
	}

	/** What the values are; each is one body key. */
	public enum By {

		EMAILS("emails"), USER_KEYS("user_keys"), OUT_IDS("out_ids");

		private final String bodyKey;

		By(String bodyKey) {
			this.bodyKey = bodyKey;
		}

		/** The key of the values in the request body. */
		public String bodyKey() {
			return this.bodyKey;
		}

	}

}
