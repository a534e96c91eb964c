<?php
declare(strict_types=1);

if (!defined('_PS_VERSION_')) {
    exit;
}

// The module ships without Composer: LoyaltyHub\PrestaShop\Name lives in classes/Name.php.
spl_autoload_register(static function (string $class): void {
    $prefix = 'LoyaltyHub\\PrestaShop\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/' . substr($class, strlen($prefix)) . '.php';
    if (is_file($file)) {
        require_once $file;
    }
});
