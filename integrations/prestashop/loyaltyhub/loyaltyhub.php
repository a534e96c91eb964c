<?php
/**
 * LoyaltyHub for PrestaShop 8: sends orders, refunds and new customers to LoyaltyHub and shows the
 * customer's points widget.
 *
 * Wire contract (implemented in classes/, documented in docs/integrations/prestashop.md):
 *   POST {base_url}/api/v1/hooks/prestashop/{connection_id}
 *   Content-Type: application/json
 *   X-LoyaltyHub-Topic: order.validated | order.status | order.slip | customer.created | ping
 *   X-LoyaltyHub-Event-Id: UUID v4, new per event, the same on every retry of that event
 *   X-LoyaltyHub-Signature: base64(HMAC-SHA256(raw body bytes, secret))
 *   X-LoyaltyHub-Shop: the shop's base URL without trailing slash
 * Failed events wait in PREFIX_loyaltyhub_outbox and are retried with exponential backoff,
 * at most 10 attempts, by module/loyaltyhub/cron?token=... or after a later successful send.
 *
 * @license GPL-2.0-or-later
 */
declare(strict_types=1);

use LoyaltyHub\PrestaShop\Connection;
use LoyaltyHub\PrestaShop\CustomerPayload;
use LoyaltyHub\PrestaShop\CustomerTokens;
use LoyaltyHub\PrestaShop\DbOutbox;
use LoyaltyHub\PrestaShop\Deliveries;
use LoyaltyHub\PrestaShop\Event;
use LoyaltyHub\PrestaShop\HttpTransport;
use LoyaltyHub\PrestaShop\OrderPayload;
use LoyaltyHub\PrestaShop\OrderSnapshots;
use LoyaltyHub\PrestaShop\OrderStates;
use LoyaltyHub\PrestaShop\RetryPolicy;
use LoyaltyHub\PrestaShop\SettingsForm;
use LoyaltyHub\PrestaShop\WidgetMarkup;
use PrestaShop\PrestaShop\Core\Module\WidgetInterface;

if (!defined('_PS_VERSION_')) {
    exit;
}

require_once __DIR__ . '/classes/autoload.php';

class LoyaltyHub extends Module implements WidgetInterface
{
    public const CONFIG_URL = 'LOYALTYHUB_URL';
    public const CONFIG_CONNECTION_ID = 'LOYALTYHUB_CONNECTION_ID';
    public const CONFIG_SECRET = 'LOYALTYHUB_SECRET';
    public const CONFIG_CRON_TOKEN = 'LOYALTYHUB_CRON_TOKEN';
    public const CRON_BATCH = 50;

    private const HOOKS = [
        'actionValidateOrder',
        'actionOrderStatusPostUpdate',
        'actionOrderSlipAdd',
        'actionCustomerAccountAdd',
        'displayCustomerAccount',
        'displayFooter',
    ];

    /** The widget is printed once per page even when several of its hooks are on it. */
    private bool $widgetRendered = false;

    public function __construct()
    {
        $this->name = 'loyaltyhub';
        $this->tab = 'pricing_promotion';
        $this->version = '0.1.0';
        $this->author = 'LoyaltyHub';
        $this->need_instance = 0;
        $this->ps_versions_compliancy = ['min' => '8.0.0', 'max' => _PS_VERSION_];
        $this->bootstrap = true;

        parent::__construct();

        $this->displayName = $this->l('LoyaltyHub');
        $this->description = $this->l('Loyalty points for your customers: sends orders, refunds and sign-ups to LoyaltyHub and shows each customer their points.');
        $this->confirmUninstall = $this->l('Events not yet delivered to LoyaltyHub will be lost. Uninstall?');
    }

    public function install(): bool
    {
        if (PHP_VERSION_ID < 80100) {
            $this->_errors[] = $this->l('LoyaltyHub needs PHP 8.1 or later.');

            return false;
        }

        return parent::install()
            && DbOutbox::createTable()
            && Configuration::updateValue(self::CONFIG_CRON_TOKEN, bin2hex(random_bytes(16)))
            && $this->registerHook(self::HOOKS);
    }

    public function uninstall(): bool
    {
        if (!parent::uninstall()) {
            return false;
        }
        foreach ([self::CONFIG_URL, self::CONFIG_CONNECTION_ID, self::CONFIG_SECRET, self::CONFIG_CRON_TOKEN] as $key) {
            Configuration::deleteByName($key);
        }

        return DbOutbox::dropTable();
    }

    public function getContent(): string
    {
        $messages = '';
        if (Tools::isSubmit(SettingsForm::SUBMIT_SAVE)) {
            $messages .= $this->saveSettings();
        } elseif (Tools::isSubmit(SettingsForm::SUBMIT_PING)) {
            $messages .= $this->sendPing();
        }

        return $messages . $this->statusPanel() . (new SettingsForm($this))->render();
    }

    public function hookActionValidateOrder(array $params): void
    {
        $this->sendOrderEvent('order.validated', (int) $params['order']->id, (int) $params['orderStatus']->id);
    }

    public function hookActionOrderStatusPostUpdate(array $params): void
    {
        $this->sendOrderEvent('order.status', (int) $params['id_order'], (int) $params['newOrderStatus']->id);
    }

    public function hookActionOrderSlipAdd(array $params): void
    {
        $this->sendOrderEvent('order.slip', (int) $params['order']->id, null);
    }

    public function hookActionCustomerAccountAdd(array $params): void
    {
        $this->safely(function () use ($params): void {
            $customer = (new OrderSnapshots())->customer((int) $params['newCustomer']->id);
            $shopUrl = $this->shopUrl((int) $params['newCustomer']->id_shop);
            $this->deliver(Event::create('customer.created', CustomerPayload::created($customer), $shopUrl));
        });
    }

    public function renderWidget($hookName, array $configuration): string
    {
        $customer = $this->context->customer;
        if ($this->widgetRendered || !Validate::isLoadedObject($customer) || !$customer->isLogged()) {
            return '';
        }
        try {
            $connection = $this->connection();
            $tokens = new CustomerTokens($connection->secret, 'prestashop', $connection->id, $this->shopUrl((int) $this->context->shop->id));
            $markup = WidgetMarkup::render($connection, $tokens->issue((string) $customer->id, (string) $customer->email, time()));
        } catch (Throwable $e) {
            return '';
        }
        $this->widgetRendered = true;

        return $markup;
    }

    public function getWidgetVariables($hookName, array $configuration): array
    {
        return [];
    }

    public function cronTokenMatches(string $token): bool
    {
        $expected = (string) Configuration::get(self::CONFIG_CRON_TOKEN);

        return $expected !== '' && hash_equals($expected, $token);
    }

    /** @return array{delivered: int, pending: int, given_up: int} */
    public function retryDueEvents(): array
    {
        $outbox = new DbOutbox();
        $delivered = $this->deliveries($this->connection(), $outbox)->retryDue(time(), self::CRON_BATCH);

        return ['delivered' => $delivered] + $outbox->counts();
    }

    private function sendOrderEvent(string $topic, int $orderId, ?int $stateId): void
    {
        $this->safely(function () use ($topic, $orderId, $stateId): void {
            $snapshot = (new OrderSnapshots())->load($orderId, $stateId, (int) Configuration::get('PS_LANG_DEFAULT'));
            $states = new OrderStates((int) Configuration::get('PS_OS_CANCELED'), (int) Configuration::get('PS_OS_REFUND'),
                (int) Configuration::get('PS_OS_ERROR'));
            $timeZone = (string) Configuration::get('PS_TIMEZONE') ?: date_default_timezone_get();
            $payload = (new OrderPayload($states, $timeZone))->build($topic, $snapshot);
            $this->deliver(Event::create($topic, $payload, $this->shopUrl((int) $snapshot['order']['id_shop'])));
        });
    }

    private function deliver(Event $event): void
    {
        $this->deliveries($this->connection(), new DbOutbox())->send($event, time());
    }

    /** A failure to report must never break checkout or the back office: it is logged instead. */
    private function safely(callable $work): void
    {
        try {
            $work();
        } catch (Throwable $e) {
            PrestaShopLogger::addLog('LoyaltyHub: ' . $e->getMessage(), 3, null, 'LoyaltyHub');
        }
    }

    private function connection(): Connection
    {
        return new Connection(
            (string) Configuration::get(self::CONFIG_URL),
            (int) Configuration::get(self::CONFIG_CONNECTION_ID),
            (string) Configuration::get(self::CONFIG_SECRET)
        );
    }

    private function deliveries(Connection $connection, DbOutbox $outbox): Deliveries
    {
        return new Deliveries($connection, new HttpTransport(), $outbox, new RetryPolicy());
    }

    private function shopUrl(int $shopId): string
    {
        return rtrim((string) (new Shop($shopId))->getBaseURL(true), '/');
    }

    private function saveSettings(): string
    {
        $url = trim((string) Tools::getValue(self::CONFIG_URL));
        $connectionId = trim((string) Tools::getValue(self::CONFIG_CONNECTION_ID));
        $secret = (string) Tools::getValue(self::CONFIG_SECRET);
        $errors = [];
        if (!Connection::isHttpUrl($url)) {
            $errors[] = $this->l('The LoyaltyHub URL must start with https:// (or http:// for a test server).');
        }
        if (!ctype_digit($connectionId) || (int) $connectionId <= 0) {
            $errors[] = $this->l('The connection id must be a positive whole number.');
        }
        if ($secret === '' && (string) Configuration::get(self::CONFIG_SECRET) === '') {
            $errors[] = $this->l('Enter the secret from LoyaltyHub.');
        }
        if ($errors !== []) {
            return $this->displayError(implode('<br>', array_map('htmlspecialchars', $errors)));
        }
        Configuration::updateValue(self::CONFIG_URL, rtrim($url, '/'));
        Configuration::updateValue(self::CONFIG_CONNECTION_ID, (int) $connectionId);
        if ($secret !== '') {
            Configuration::updateValue(self::CONFIG_SECRET, $secret);
        }

        return $this->displayConfirmation($this->l('Settings saved.'));
    }

    private function sendPing(): string
    {
        try {
            $connection = $this->connection();
        } catch (Throwable $e) {
            return $this->displayError(htmlspecialchars($e->getMessage()));
        }
        $outcome = $this->deliveries($connection, new DbOutbox())->attempt(Event::ping($this->shopUrl((int) $this->context->shop->id)));
        if ($outcome->delivered()) {
            return $this->displayConfirmation(sprintf($this->l('LoyaltyHub answered HTTP %d.'), $outcome->status));
        }
        $detail = $outcome->status > 0 ? sprintf('HTTP %d', $outcome->status) : $outcome->error;

        return $this->displayError(htmlspecialchars(sprintf($this->l('The test event failed: %s'), $detail)));
    }

    private function statusPanel(): string
    {
        $counts = (new DbOutbox())->counts();
        $cronUrl = $this->context->link->getModuleLink($this->name, 'cron', ['token' => (string) Configuration::get(self::CONFIG_CRON_TOKEN)]);

        return sprintf(
            '<div class="panel"><h3>%s</h3><p>%s</p><p>%s<br><code>%s</code></p></div>',
            htmlspecialchars($this->l('Delivery')),
            htmlspecialchars(sprintf($this->l('Events waiting for a retry: %d. Events given up after 10 attempts: %d.'), $counts['pending'], $counts['given_up'])),
            htmlspecialchars($this->l('Retries also run when this address is called, for example every 5 minutes from cron:')),
            htmlspecialchars($cronUrl)
        );
    }
}
