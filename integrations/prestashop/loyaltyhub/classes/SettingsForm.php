<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * The configuration page: connection settings and a "send test event" button. The secret field is
 * write-only: it is always rendered empty and a blank submission keeps the stored secret.
 */
final class SettingsForm
{
    public const SUBMIT_SAVE = 'submitLoyaltyHubSettings';
    public const SUBMIT_PING = 'submitLoyaltyHubPing';

    public function __construct(private readonly \LoyaltyHub $module)
    {
    }

    public function render(): string
    {
        $helper = new \HelperForm();
        $helper->module = $this->module;
        $helper->name_controller = $this->module->name;
        $helper->table = $this->module->table;
        $helper->identifier = $this->module->identifier;
        $helper->token = \Tools::getAdminTokenLite('AdminModules');
        $helper->currentIndex = \AdminController::$currentIndex . '&configure=' . $this->module->name;
        $helper->default_form_language = (int) \Configuration::get('PS_LANG_DEFAULT');
        $helper->submit_action = self::SUBMIT_SAVE;
        $helper->fields_value = [
            \LoyaltyHub::CONFIG_URL => (string) \Configuration::get(\LoyaltyHub::CONFIG_URL),
            \LoyaltyHub::CONFIG_CONNECTION_ID => (string) \Configuration::get(\LoyaltyHub::CONFIG_CONNECTION_ID),
            \LoyaltyHub::CONFIG_SECRET => '',
        ];

        return $helper->generateForm([$this->settingsFieldset(), $this->pingFieldset()]);
    }

    private function settingsFieldset(): array
    {
        $hasSecret = (string) \Configuration::get(\LoyaltyHub::CONFIG_SECRET) !== '';

        return ['form' => [
            'legend' => ['title' => $this->module->l('Connection to LoyaltyHub', 'settingsform'), 'icon' => 'icon-cogs'],
            'input' => [
                [
                    'type' => 'text',
                    'label' => $this->module->l('LoyaltyHub URL', 'settingsform'),
                    'name' => \LoyaltyHub::CONFIG_URL,
                    'required' => true,
                    'desc' => $this->module->l('For example https://loyalty.example.com', 'settingsform'),
                ],
                [
                    'type' => 'text',
                    'label' => $this->module->l('Connection id', 'settingsform'),
                    'name' => \LoyaltyHub::CONFIG_CONNECTION_ID,
                    'required' => true,
                    'class' => 'fixed-width-md',
                ],
                [
                    'type' => 'password',
                    'label' => $this->module->l('Secret', 'settingsform'),
                    'name' => \LoyaltyHub::CONFIG_SECRET,
                    'required' => !$hasSecret,
                    'desc' => $hasSecret
                        ? $this->module->l('A secret is stored. Leave blank to keep it.', 'settingsform')
                        : $this->module->l('Copy it from the connection page in LoyaltyHub.', 'settingsform'),
                ],
            ],
            'submit' => ['title' => $this->module->l('Save', 'settingsform'), 'name' => self::SUBMIT_SAVE],
        ]];
    }

    private function pingFieldset(): array
    {
        return ['form' => [
            'legend' => ['title' => $this->module->l('Test the connection', 'settingsform'), 'icon' => 'icon-exchange'],
            'description' => $this->module->l('Sends a signed "ping" event and shows the HTTP status LoyaltyHub answered.', 'settingsform'),
            'submit' => [
                'title' => $this->module->l('Send test event', 'settingsform'),
                'name' => self::SUBMIT_PING,
                'icon' => 'process-icon-refresh',
            ],
        ]];
    }
}
