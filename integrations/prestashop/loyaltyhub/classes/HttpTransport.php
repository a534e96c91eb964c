<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Posts with cURL when the extension is loaded, otherwise with PHP streams; either way with a
 * short timeout, because hooks run inside checkout and back-office requests.
 */
final class HttpTransport implements Transport
{
    public const TIMEOUT_SECONDS = 3;

    public function post(HookRequest $request): Outcome
    {
        $headers = [];
        foreach ($request->headers as $name => $value) {
            $headers[] = $name . ': ' . $value;
        }

        return function_exists('curl_init')
            ? $this->withCurl($request, $headers)
            : $this->withStreams($request, $headers);
    }

    private function withCurl(HookRequest $request, array $headers): Outcome
    {
        $curl = curl_init($request->url);
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $request->body,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_CONNECTTIMEOUT => self::TIMEOUT_SECONDS,
            CURLOPT_TIMEOUT => self::TIMEOUT_SECONDS,
            CURLOPT_FOLLOWLOCATION => false,
        ]);
        $result = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $error = curl_error($curl);
        curl_close($curl);

        return $result === false ? Outcome::failure('cURL: ' . $error) : Outcome::status($status);
    }

    private function withStreams(HookRequest $request, array $headers): Outcome
    {
        $context = stream_context_create(['http' => [
            'method' => 'POST',
            'header' => implode("\r\n", $headers),
            'content' => $request->body,
            'timeout' => self::TIMEOUT_SECONDS,
            'ignore_errors' => true,
            'follow_location' => 0,
        ]]);
        $result = @file_get_contents($request->url, false, $context);
        $statusLine = $http_response_header[0] ?? '';
        if ($result === false || !preg_match('#^HTTP/\S+\s+(\d{3})#', $statusLine, $match)) {
            $last = error_get_last();

            return Outcome::failure('HTTP stream: ' . ($last['message'] ?? 'no response'));
        }

        return Outcome::status((int) $match[1]);
    }
}
