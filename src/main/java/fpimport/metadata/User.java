package fpimport.metadata;

import java.util.Objects;

/**
 * A person of the tenant ({@code user/query}); {@code status} is {@code activated},
 * {@code resigned} or {@code frozen}.
 */
public record User(String userKey, String email, String nameCn, String nameEn, String username, String status) {

	public User {
		Objects.requireNonNull(userKey, "userKey");
	}

	/** Whether the person can be named on a work item. */
	public boolean active() {
		return this.status == null || this.status.equals("activated");
	}

}
