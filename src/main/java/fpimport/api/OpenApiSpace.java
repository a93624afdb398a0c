package fpimport.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import fpimport.metadata.FieldDefinition;
import fpimport.metadata.Relation;
import fpimport.metadata.Role;
import fpimport.metadata.SpaceMetadataSource;
import fpimport.metadata.Template;
import fpimport.metadata.User;
import fpimport.metadata.UserSource;
import fpimport.metadata.WorkItemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One space's metadata and people, read through the Open API. Nothing is cached: each
 * call is a request.
 */
public final class OpenApiSpace implements SpaceMetadataSource, UserSource {

	private static final Logger log = LoggerFactory.getLogger(OpenApiSpace.class);

	private final OpenApiClient client;

	private final String projectKey;

	public OpenApiSpace(OpenApiClient client, String projectKey) {
		this.client = Objects.requireNonNull(client, "client");
		this.projectKey = Objects.requireNonNull(projectKey, "projectKey");
		if (projectKey.isBlank()) {
			throw new IllegalArgumentException("projectKey is blank");
		}
	}

	public String projectKey() {
		return this.projectKey;
	}

	@Override
	public List<WorkItemType> types() {
		return this.client.types(this.projectKey);
	}

	@Override
	public List<FieldDefinition> fields(String typeKey) {
		return this.client.meta(this.projectKey, typeKey).fields();
	}

	@Override
	public List<Template> templates(String typeKey) {
		return this.client.templates(this.projectKey, typeKey);
	}

	@Override
	public List<Role> roles(String typeKey) {
		return this.client.roles(this.projectKey, typeKey);
	}

	/**
	 * The relations of a type's relation fields ({@code field/all}); empty when the
	 * service refuses for want of permission (10001, 10301), so a run can go on without.
	 */
	@Override
	public Map<String, String> relationIds(String typeKey) {
		return unlessRefused(() -> this.client.relationIds(this.projectKey, typeKey), Map.of());
	}

	/**
	 * The space's work item relations ({@code work_item/relation}); empty when the
	 * service refuses for want of permission (10001, 10301), so a run can go on without.
	 */
	@Override
	public List<Relation> relations() {
		return unlessRefused(() -> this.client.relations(this.projectKey), List.of());
	}

	private static <T> T unlessRefused(Supplier<T> call, T nothing) {
		try {
			return call.get();
		}
		catch (OpenApiException ex) {
			if (ex.errCode() != 10001 && ex.errCode() != 10301) {
				throw ex;
			}
			log.warn("{} answered {} {}: what relation fields point at is unknown", ex.endpoint(), ex.errCode(),
					ex.errMsg());
			return nothing;
		}
	}

	/**
	 * The space's people: every member of its teams, looked up by user key in batches of
	 * {@value UserSource#MAX_BATCH}, in the order the teams name them.
	 */
	@Override
	public List<User> people() {
		return findByUserKeys(this.client.memberKeys(this.projectKey));
	}

	/**
	 * People by e-mail; more than {@value UserSource#MAX_BATCH} are looked up in batches.
	 */
	@Override
	public List<User> findByEmails(Collection<String> emails) {
		return inBatches(emails, UserQuery::emails);
	}

	/**
	 * People by user key; more than {@value UserSource#MAX_BATCH} are looked up in
	 * batches.
	 */
	@Override
	public List<User> findByUserKeys(Collection<String> userKeys) {
		return inBatches(userKeys, UserQuery::userKeys);
	}

	@Override
	public List<User> searchByName(String query) {
		return this.client.searchUsers(query, this.projectKey);
	}

	private List<User> inBatches(Collection<String> values, Function<List<String>, UserQuery> query) {
		List<String> all = List.copyOf(values);
		List<User> users = new ArrayList<>();
		for (int from = 0; from < all.size(); from += MAX_BATCH) {
			users
				.addAll(this.client.queryUsers(query.apply(all.subList(from, Math.min(all.size(), from + MAX_BATCH)))));
		}
		return List.copyOf(users);
	}

	@Override
	public String toString() {
		return "OpenApiSpace[" + this.projectKey + "]";
	}

}
