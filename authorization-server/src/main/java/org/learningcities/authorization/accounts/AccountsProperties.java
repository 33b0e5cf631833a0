package org.learningcities.authorization.accounts;

import java.util.List;
import java.util.Optional;

import org.learningcities.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * The people who can log in, under {@code authorization.demo-users}. The shipped list is the demo cast (one account
 * per role, password = user name); a deployment replaces the whole list through its own configuration. The user name
 * is the account id that services see as the token's {@code sub}.
 */
@ConfigurationProperties("authorization")
public record AccountsProperties(@DefaultValue List<DemoUser> demoUsers) {

    public AccountsProperties {
        long distinct = demoUsers.stream().map(DemoUser::username).distinct().count();
        Assert.isTrue(distinct == demoUsers.size(), "authorization.demo-users: user names must be unique");
    }

    /** The account with this user name, if it is configured. */
    public Optional<DemoUser> find(String username) {
        return demoUsers.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    /**
     * @param password an encoded password with its encoder id, e.g. {@code {bcrypt}$2a$10$...} (plain text only as
     *     {@code {noop}secret}, for throw-away setups)
     */
    public record DemoUser(String username, String password, String email, String name, @DefaultValue List<Role> roles) {

        public DemoUser {
            Assert.hasText(username, "authorization.demo-users[].username is required");
            Assert.hasText(password, () -> "authorization.demo-users[].password is required for " + username);
            Assert.isTrue(password.startsWith("{"),
                    () -> "authorization.demo-users[].password of " + username
                            + " needs an encoder prefix such as {bcrypt} or {noop}");
            Assert.hasText(email, () -> "authorization.demo-users[].email is required for " + username);
            Assert.hasText(name, () -> "authorization.demo-users[].name is required for " + username);
            roles = List.copyOf(roles);
        }
    }
}
