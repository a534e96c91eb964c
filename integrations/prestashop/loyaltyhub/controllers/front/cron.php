<?php
/**
 * module/loyaltyhub/cron?token=...: retries the events waiting in the outbox, for a system cron
 * job (for example every 5 minutes). Answers JSON {delivered, pending, given_up}.
 *
 * @license GPL-2.0-or-later
 */
declare(strict_types=1);

if (!defined('_PS_VERSION_')) {
    exit;
}

class LoyaltyHubCronModuleFrontController extends ModuleFrontController
{
    /** @var LoyaltyHub */
    public $module;

    public $auth = false;

    public function initContent(): void
    {
        header('Content-Type: application/json');
        header('Cache-Control: no-store');
        if (!$this->module->cronTokenMatches((string) Tools::getValue('token'))) {
            http_response_code(403);
            $this->ajaxRender(json_encode(['error' => 'invalid token']));
            exit;
        }
        try {
            $this->ajaxRender(json_encode($this->module->retryDueEvents()));
        } catch (Throwable $e) {
            http_response_code(503);
            $this->ajaxRender(json_encode(['error' => $e->getMessage()]));
        }
        exit;
    }
}
