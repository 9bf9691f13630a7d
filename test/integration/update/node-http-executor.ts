/**
 * Stands in for electron-updater's ElectronHttpExecutor (Electron's `net`, which needs the Electron
 * runtime): the same HttpExecutor base from builder-util-runtime, over Node's http/https. The same
 * download() body as ElectronHttpExecutor, so electron-updater's own checksum handling runs.
 */
import http from 'node:http';
import https from 'node:https';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';

export class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: http.RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }

  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    return (options.protocol === 'https:' ? https.request : http.request)(options, callback);
  }
}
