<?php
/**
 * Removes the plugin's settings (including the secret) when the plugin is deleted.
 */
declare(strict_types=1);

if (!defined('WP_UNINSTALL_PLUGIN')) {
    exit;
}

if (is_multisite()) {
    foreach (get_sites(['fields' => 'ids', 'number' => 0]) as $loyaltyhub_site) {
        switch_to_blog((int) $loyaltyhub_site);
        delete_option('loyaltyhub_settings');
        restore_current_blog();
    }
} else {
    delete_option('loyaltyhub_settings');
}
