<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

interface Transport
{
    public function post(HookRequest $request): Outcome;
}
