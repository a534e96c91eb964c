/*
 * LoyaltyHub storefront widget. The shop prints
 *   <div class="loyaltyhub-widget" data-loyaltyhub-token="..." data-loyaltyhub-url="https://loyalty.example"></div>
 * (WordPress adds data-loyaltyhub-refresh-url and data-loyaltyhub-refresh-nonce to renew an expired token) and
 * loads this script; nothing else runs on the host page. Text is set with textContent, never as HTML.
 */
(function () {
  'use strict';
  var TEXT = {
    en: { points: 'points', card: 'Card', use: 'Use my points', code: 'Your discount code', until: 'valid until',
          worth: 'worth', failed: 'Your points could not be loaded.', notMember: 'You are not a member yet.',
          refused: 'The code could not be created: ', held: 'reserved', keptUntil: 'kept until',
          wallets: { CASHBACK: 'Cashback', DISCOUNT: 'Accumulated discounts', PREPAID: 'Prepaid credit' },
          spend: 'Use in this shop', vouchers: 'Your vouchers', useVoucher: 'Use in this shop',
          voucherCode: 'Your code for this shop', copy: 'Copy',
          toNext: { POINTS_EARNED: 'points to', AMOUNT_SPENT: 'to spend to reach', VISITS: 'visits to' },
          invite: 'Invite a friend with your code',
          giftCard: 'Pay with a gift card', giftNumber: 'Card number', giftPin: 'PIN',
          giftAmount: 'Amount (empty: all that is left)', giftUse: 'Get the code',
          moves: 'Latest wallet movements', move: 'Movement',
          moveKinds: { EARN: 'On a purchase', EARN_PENDING: 'Pending, from a purchase', EARN_REVERSAL: 'Withdrawn',
                       SPEND: 'Spent', REFUND: 'Payment given back', EXPIRY: 'Expired', MANUAL_CREDIT: 'Credit',
                       MANUAL_DEBIT: 'Debit', SALE: 'Bought', SALE_VOID: 'Sale voided', SALE_REFUND: 'Refunded',
                       ATTACH: 'Gift card added' } },
    it: { points: 'punti', card: 'Tessera', use: 'Usa i miei punti', code: 'Il tuo codice sconto', until: 'valido fino al',
          worth: 'del valore di', failed: 'Impossibile caricare i tuoi punti.', notMember: 'Non sei ancora iscritto.',
          refused: 'Impossibile creare il codice: ', held: 'riservati', keptUntil: 'mantenuto fino al',
          wallets: { CASHBACK: 'Cashback', DISCOUNT: 'Sconti accumulati', PREPAID: 'Credito prepagato' },
          spend: 'Usa in questo negozio', vouchers: 'I tuoi buoni', useVoucher: 'Usa in questo negozio',
          voucherCode: 'Il tuo codice per questo negozio', copy: 'Copia',
          toNext: { POINTS_EARNED: 'punti per', AMOUNT_SPENT: 'da spendere per', VISITS: 'visite per' },
          invite: 'Invita un amico con il tuo codice',
          giftCard: 'Paga con una carta regalo', giftNumber: 'Numero della carta', giftPin: 'PIN',
          giftAmount: 'Importo (vuoto: tutto il residuo)', giftUse: 'Ottieni il codice',
          moves: 'Ultimi movimenti del portafoglio', move: 'Movimento',
          moveKinds: { EARN: 'Su un acquisto', EARN_PENDING: 'In attesa, da un acquisto', EARN_REVERSAL: 'Ritirato',
                       SPEND: 'Speso', REFUND: 'Pagamento restituito', EXPIRY: 'Scaduto', MANUAL_CREDIT: 'Accredito',
                       MANUAL_DEBIT: 'Addebito', SALE: 'Acquistato', SALE_VOID: 'Vendita annullata',
                       SALE_REFUND: 'Rimborsato', ATTACH: 'Carta regalo aggiunta' } }
  };
  var lang = (document.documentElement.lang || navigator.language || 'en').slice(0, 2).toLowerCase();
  var t = TEXT[lang] || TEXT.en;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function Widget(root) {
    this.root = root;
    this.base = (root.getAttribute('data-loyaltyhub-url') || '').replace(/\/+$/, '');
    this.token = root.getAttribute('data-loyaltyhub-token');
    this.refreshUrl = root.getAttribute('data-loyaltyhub-refresh-url');
    this.refreshNonce = root.getAttribute('data-loyaltyhub-refresh-nonce');
    /* Shopify: the app proxy's path on the shop (e.g. /apps/loyaltyhub); Shopify signs each call, no token. */
    this.proxy = (root.getAttribute('data-loyaltyhub-proxy') || '').replace(/\/+$/, '');
  }

  Widget.prototype.refresh = function () {
    var self = this;
    if (!this.refreshUrl) { return Promise.reject(new Error('expired')); }
    return fetch(this.refreshUrl, { credentials: 'same-origin', headers: { 'X-WP-Nonce': this.refreshNonce || '' } })
      .then(function (r) { if (!r.ok) { throw new Error('refresh ' + r.status); } return r.json(); })
      .then(function (j) { self.token = j.token; self.root.setAttribute('data-loyaltyhub-token', j.token); });
  };

  /*
   * Calls LoyaltyHub (through the shop's app proxy on Shopify: the same call under the proxy's path, with the shop's
   * cookies so that Shopify names the signed-in customer); renews the token once when it was refused as expired.
   */
  Widget.prototype.call = function (method, path, body, retried) {
    var self = this;
    var headers = this.proxy ? {} : { 'X-LoyaltyHub-Customer-Token': this.token || '' };
    if (body) { headers['Content-Type'] = 'application/json'; }
    var url = this.proxy ? this.proxy + path.replace(/^\/api\/v1\/widget/, '') : this.base + path;
    return fetch(url, { method: method, headers: headers, credentials: this.proxy ? 'same-origin' : 'omit',
                        body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (r.status === 401 && !retried && self.refreshUrl) {
            return self.refresh().then(function () { return self.call(method, path, body, true); });
          }
          if (!r.ok) { var e = new Error(j.detail || ('HTTP ' + r.status)); e.status = r.status; throw e; }
          return j;
        });
      });
  };

  Widget.prototype.showCode = function (box, code) {
    box.textContent = '';
    box.appendChild(el('div', 'loyaltyhub-code-label', t.code));
    box.appendChild(el('strong', 'loyaltyhub-code', code.code));
    box.appendChild(el('div', 'loyaltyhub-code-value', t.worth + ' ' + code.amount + ' ' + code.currency + ' · ' +
      t.until + ' ' + new Date(code.expiresAt).toLocaleDateString(lang)));
  };

  function named(names) { return names ? ((lang === 'it' && names.it) ? names.it : names.en) : ''; }

  /* The member's tier, the date it is kept until, and "120 points to Gold". */
  Widget.prototype.showTier = function (tier) {
    var box = el('div', 'loyaltyhub-tier');
    if (tier.tier) {
      var badge = el('span', 'loyaltyhub-tier-name', (tier.tier.icon ? tier.tier.icon + ' ' : '') + named(tier.tier.name));
      badge.style.background = tier.tier.colour;
      box.appendChild(badge);
      if (tier.keptUntil) {
        box.appendChild(el('span', 'loyaltyhub-tier-until', ' ' + t.keptUntil + ' ' +
          new Date(tier.keptUntil + 'T00:00:00Z').toLocaleDateString(lang, { timeZone: 'UTC' })));
      }
    }
    if (tier.next) {
      var progress = el('progress', 'loyaltyhub-tier-progress');
      progress.max = 100;
      progress.value = tier.progressPercent;
      box.appendChild(progress);
      var missing = tier.basis === 'AMOUNT_SPENT' ? Number(tier.missing).toFixed(2) : String(Math.ceil(Number(tier.missing)));
      box.appendChild(el('div', 'loyaltyhub-tier-next', missing + ' ' + t.toNext[tier.basis] + ' ' + named(tier.next.name)));
    }
    this.root.appendChild(box);
  };

  Widget.prototype.render = function (me) {
    var self = this;
    var root = this.root;
    root.textContent = '';
    root.appendChild(el('div', 'loyaltyhub-name', me.name));
    root.appendChild(el('div', 'loyaltyhub-balance', me.available + ' ' + t.points +
      (me.held > 0 ? ' (' + me.held + ' ' + t.held + ')' : '')));
    if (me.tier) { this.showTier(me.tier); }
    if (me.cardNumber) { root.appendChild(el('div', 'loyaltyhub-card', t.card + ' ' + me.cardNumber)); }
    if (me.qrSvg) {
      var img = el('img', 'loyaltyhub-qr');
      img.src = me.qrSvg;
      img.alt = t.card + ' ' + (me.cardNumber || '');
      img.width = 120;
      root.appendChild(img);
    }
    var box = el('div', 'loyaltyhub-redeem');
    root.appendChild(box);
    if (me.openCode) {
      this.showCode(box, me.openCode);
    } else if (me.available > 0) {
      this.action(box, 'loyaltyhub-use', t.use, '/api/v1/widget/codes', {}, function (code) { self.showCode(box, code); });
    }
    (me.wallets || []).forEach(function (w) { self.showWallet(w, me.walletCodes || []); });
    this.showWalletMoves(me.walletMoves || []);
    this.showVouchers(me.vouchers || []);
  };

  /* A button that posts once and shows what came back, or the refusal next to it. */
  Widget.prototype.action = function (box, cls, label, path, body, done) {
    var self = this;
    var button = el('button', cls, label);
    button.type = 'button';
    button.addEventListener('click', function () {
      button.disabled = true;
      self.call('POST', path, body).then(done)
        .catch(function (e) { button.disabled = false; box.appendChild(el('div', 'loyaltyhub-error', t.refused + e.message)); });
    });
    box.appendChild(button);
  };

  /*
   * Referral: a visitor who arrives with ?ref=CODE keeps it in this shop (localStorage) until they are a member with
   * a widget, which then tells LoyaltyHub once (a refused code is recorded there with its reason); the member's own
   * code and link are shown to share.
   */
  var REF_KEY = 'loyaltyhub-ref';
  function keepReferral() {
    try {
      var ref = new URLSearchParams(window.location.search).get('ref');
      if (ref && /^[A-Za-z0-9]{1,40}$/.test(ref)) { window.localStorage.setItem(REF_KEY, ref); }
    } catch (e) { /* no storage: no referral */ }
  }
  Widget.prototype.referral = function () {
    var self = this;
    var ref = null;
    try { ref = window.localStorage.getItem(REF_KEY); } catch (e) { ref = null; }
    var told = ref ? this.call('POST', '/api/v1/widget/referral', { code: ref })
      .then(function () { return true; }, function (e) { return e.status !== undefined; }) : Promise.resolve(false);
    return told.then(function (answered) {
      if (answered) { try { window.localStorage.removeItem(REF_KEY); } catch (e) { /* kept */ } }
      return self.call('GET', '/api/v1/widget/referral');
    }).then(function (inv) {
      if (!inv.on) { return; }
      var box = el('div', 'loyaltyhub-referral', t.invite + ': ');
      box.appendChild(el('strong', 'loyaltyhub-referral-code', inv.code));
      box.appendChild(el('div', 'loyaltyhub-referral-link', window.location.origin + '/?ref=' + inv.code));
      self.root.appendChild(box);
    }).catch(function () { /* the points still show */ });
  };

  /* A wallet (cashback, accumulated discounts, ...): its balance and its open code, or a button to make one. */
  Widget.prototype.showWallet = function (wallet, codes) {
    var self = this;
    var box = el('div', 'loyaltyhub-wallet');
    box.setAttribute('data-purpose', wallet.purpose);
    box.appendChild(el('div', 'loyaltyhub-wallet-balance', (t.wallets[wallet.purpose] || wallet.purpose) + ': ' +
      Number(wallet.available.amount).toFixed(2) + ' ' + wallet.available.currency));
    var open = codes.filter(function (c) { return c.purpose === wallet.purpose; })[0];
    if (open) {
      this.showCode(box, open);
    } else if (Number(wallet.available.amount) > 0) {
      this.action(box, 'loyaltyhub-wallet-use', t.spend, '/api/v1/widget/wallet-codes', { purpose: wallet.purpose },
        function (code) { self.showCode(box, code); });
    }
    this.root.appendChild(box);
  };

  /* The last movements of the member's wallets: date, wallet, what happened (by the ledger's kind), signed amount. */
  Widget.prototype.showWalletMoves = function (moves) {
    if (!moves.length) { return; }
    var list = el('div', 'loyaltyhub-wallet-moves');
    list.appendChild(el('div', 'loyaltyhub-wallet-moves-title', t.moves));
    moves.forEach(function (m) {
      var what = t.moveKinds[String(m.kind).replace(/^(CASHBACK|DISCOUNT|PREPAID|GIFT_CARD)_/, '')] || t.move;
      var amount = Number(m.change.amount);
      var item = el('div', 'loyaltyhub-wallet-move');
      item.appendChild(el('span', 'loyaltyhub-wallet-move-date', new Date(m.at).toLocaleDateString(lang) + ' '));
      item.appendChild(el('span', 'loyaltyhub-wallet-move-kind', (t.wallets[m.purpose] || m.purpose) + ' · ' + what + ' '));
      item.appendChild(el('strong', 'loyaltyhub-wallet-move-amount', (amount > 0 ? '+' : '') + amount.toFixed(2) +
        ' ' + m.change.currency));
      list.appendChild(item);
    });
    this.root.appendChild(list);
  };

  /* The member's usable vouchers, each with a button that makes it this shop's code. */
  Widget.prototype.showVouchers = function (vouchers) {
    var self = this;
    if (!vouchers.length) { return; }
    var list = el('div', 'loyaltyhub-vouchers');
    list.appendChild(el('div', 'loyaltyhub-vouchers-title', t.vouchers));
    vouchers.forEach(function (v) {
      var item = el('div', 'loyaltyhub-voucher');
      item.appendChild(el('span', 'loyaltyhub-voucher-title', v.title + ' · ' + t.until + ' ' +
        new Date(v.expiresAt).toLocaleDateString(lang)));
      var show = function () {
        item.appendChild(el('div', 'loyaltyhub-code-label', t.voucherCode));
        item.appendChild(el('strong', 'loyaltyhub-code', v.code));
      };
      if (v.inShop) { show(); } else {
        self.action(item, 'loyaltyhub-voucher-use', t.useVoucher, '/api/v1/widget/voucher-codes', { code: v.code },
          function () { item.querySelector('button').remove(); show(); });
      }
      list.appendChild(item);
    });
    this.root.appendChild(list);
  };

  /*
   * An anonymous gift card, for members and guests alike: its number and PIN (and an amount, or all that is left)
   * become a code of this shop; a wrong PIN, or a card locked after five, is said next to the form.
   */
  Widget.prototype.showGiftCard = function () {
    var self = this;
    var form = el('form', 'loyaltyhub-gift-card');
    form.noValidate = true;
    form.appendChild(el('div', 'loyaltyhub-gift-card-title', t.giftCard));
    var field = function (name, label, mode) {
      var id = 'loyaltyhub-gift-' + name + '-' + Math.random().toString(36).slice(2, 8);
      var l = el('label', null, label);
      l.htmlFor = id;
      var input = el('input');
      input.id = id;
      input.name = name;
      input.autocomplete = 'off';
      input.inputMode = mode;
      form.appendChild(l);
      form.appendChild(input);
      return input;
    };
    var number = field('cardNumber', t.giftNumber, 'numeric');
    var pin = field('pin', t.giftPin, 'numeric');
    pin.type = 'password';
    var amount = field('amount', t.giftAmount, 'decimal');
    var button = el('button', 'loyaltyhub-gift-card-use', t.giftUse);
    button.type = 'submit';
    form.appendChild(button);
    var out = el('div', 'loyaltyhub-gift-card-result');
    out.setAttribute('role', 'status');
    form.appendChild(out);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      var body = { cardNumber: number.value.replace(/\s+/g, ''), pin: pin.value.trim() };
      if (amount.value.trim()) { body.amount = amount.value.trim().replace(',', '.'); }
      self.call('POST', '/api/v1/widget/gift-card-codes', body)
        .then(function (code) { pin.value = ''; self.showCode(out, code); })
        .catch(function (e) { out.textContent = ''; out.appendChild(el('div', 'loyaltyhub-error', t.refused + e.message)); })
        .then(function () { button.disabled = false; });
    });
    this.root.appendChild(form);
  };

  Widget.prototype.start = function () {
    var self = this;
    this.root.setAttribute('aria-live', 'polite');
    return this.call('GET', '/api/v1/widget/me')
      .then(function (me) { self.render(me); self.showGiftCard(); return self.referral(); })
      .catch(function (e) {
        /* not a member; through Shopify's proxy, a guest is not signed in (401): the gift card works for both */
        var guest = e.status === 404 || (self.proxy && e.status === 401);
        self.root.textContent = guest ? t.notMember : t.failed;
        if (guest) { self.showGiftCard(); }
      });
  };

  function init() {
    keepReferral();
    var nodes = document.querySelectorAll('.loyaltyhub-widget[data-loyaltyhub-token][data-loyaltyhub-url], '
      + '.loyaltyhub-widget[data-loyaltyhub-proxy]');
    for (var i = 0; i < nodes.length; i++) {
      if (!nodes[i].getAttribute('data-loyaltyhub-started')) {
        nodes[i].setAttribute('data-loyaltyhub-started', '1');
        new Widget(nodes[i]).start();
      }
    }
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
