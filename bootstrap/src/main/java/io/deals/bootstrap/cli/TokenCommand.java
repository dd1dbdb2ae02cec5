package io.deals.bootstrap.cli;

import io.deals.adapters.web.access.Scope;
import io.deals.adapters.web.access.TokenGrant;
import io.deals.adapters.web.access.TokenKeys;
import io.deals.adapters.web.access.TokenMinter;
import io.deals.bootstrap.ServerSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a bearer token signed with the key 'serve' uses for --data-dir (or DEALS_JWT_SECRET).")
final class TokenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--scope", paramLabel = "SCOPES",
            description = "what the token may do, space-separated: deals:write, deals:import, deals:read"
                    + " (default \"${DEFAULT-VALUE}\")")
    private String scope = Scope.listOf(TokenGrant.WRITE_SCOPES);

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long the token is valid: 30d, 12h or ISO 8601 such as P30D (default 30d)")
    private Duration ttl = TokenGrant.DEFAULT_LIFETIME;

    @Option(names = "--subject", paramLabel = "NAME",
            description = "who holds the token (its sub), as logs and rate limits name it (default ${DEFAULT-VALUE})")
    private String subject = TokenGrant.DEFAULT_SUBJECT;

    @Mixin
    private DataDirectoryOption dataDirectory;

    @Mixin
    private TokenOptions tokens;

    @Override
    public Integer call() {
        if (tokens.verifiesWithPublicKeys()) {
            throw new ParameterException(spec.commandLine(), "tokens are verified with the public keys of"
                    + " --jwt-public-keys (DEALS_JWT_PUBLIC_KEYS): only their identity provider can issue tokens");
        }
        TokenGrant grant = grant();
        ServerSecret key = ServerSecret.TOKEN_KEY;
        Path dataDir = dataDirectory.dataDir();
        byte[] secret = key.configuredOrFoundIn(System.getenv(key.variable()), dataDir)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "no token key in " + dataDir + " ("
                        + key.fileIn(dataDir).getFileName() + "): start 'deals serve --data-dir " + dataDir
                        + "' once to make one, or set " + key.variable()));
        String token = new TokenMinter(tokens.settings(new TokenKeys.SharedSecret(secret))).mint(grant);
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private TokenGrant grant() {
        Set<Scope> scopes;
        try {
            scopes = Scope.parseList(scope);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--scope': " + e.getMessage());
        }
        try {
            return new TokenGrant(subject, scopes, ttl);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--subject': " + e.getMessage());
        }
    }
}
