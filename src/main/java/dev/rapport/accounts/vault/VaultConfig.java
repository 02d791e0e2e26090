package dev.rapport.accounts.vault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VaultConfig {

    /** {@code RAPPORT_MASTER_KEY}, else {@code master.key} in the data directory. */
    @Bean
    MasterKeys masterKeys(
            @Value("${rapport.master-key:}") String fromEnvironment, @Value("${rapport.data-dir}") String dataDir) {
        return MasterKeys.load(fromEnvironment, dataDir);
    }
}
