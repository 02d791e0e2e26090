package dev.rapport.accounts.vault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VaultConfig {

    /** {@code RAPPORT_MASTER_KEY} (and {@code RAPPORT_PREVIOUS_MASTER_KEY}), else the data directory's key files. */
    @Bean
    MasterKeys masterKeys(
            @Value("${rapport.master-key:}") String fromEnvironment,
            @Value("${rapport.previous-master-key:}") String previousFromEnvironment,
            @Value("${rapport.data-dir}") String dataDir) {
        return MasterKeys.load(fromEnvironment, previousFromEnvironment, dataDir);
    }
}
