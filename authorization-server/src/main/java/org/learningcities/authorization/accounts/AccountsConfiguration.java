package org.learningcities.authorization.accounts;

import org.learningcities.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /** Understands every {@code {id}} prefix, so configured passwords and client secrets say how they are encoded. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountsProperties accounts) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        accounts.demoUsers()
                .forEach(user -> users.createUser(User.withUsername(user.username())
                        .password(user.password())
                        .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                        .build()));
        return users;
    }
}
